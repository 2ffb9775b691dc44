/**
 * The engine that runs a {@link io.ttscenes.api.Bot}: routing updates to session lanes, running
 * handlers, committing sessions atomically with their outbox, then sending the outbox.
 *
 * <p>Public: {@link io.ttscenes.runtime.engine.Dispatcher} (what an ingress feeds),
 * {@link io.ttscenes.runtime.engine.TimerPoller}, {@link io.ttscenes.runtime.engine.RuntimeListener}
 * and its Micrometer implementation. Everything else is package-private machinery. Nothing in
 * this package is null unless its documentation says so.
 */
package io.ttscenes.runtime.engine;
