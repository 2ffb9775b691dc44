/**
 * Machinery the runtime needs from the API module and a bot author does not: routing an update to
 * its handler. Not part of the author's API; it may change in any release.
 */
package io.ttscenes.api.internal;
