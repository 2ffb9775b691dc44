/**
 * Ingresses: how updates reach the {@link io.ttscenes.runtime.engine.Dispatcher} and how they are
 * acknowledged to TamTam only after they were committed. {@link
 * io.ttscenes.runtime.ingress.LongPollIngress} passes the long-poll marker on only when a whole
 * batch is acknowledged; {@link io.ttscenes.runtime.ingress.WebhookIngress} answers 200 only after
 * the update's commit.
 *
 * <p>Nothing in this package is null unless its documentation says so.
 */
package io.ttscenes.runtime.ingress;
