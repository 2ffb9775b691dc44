/**
 * The one embedded HTTP server (Jetty 12) of a bot process, on which the webhook and the admin
 * endpoint each open their own listener.
 */
package io.ttscenes.runtime.http;
