/**
 * Session stores that live in the runtime: {@link io.ttscenes.runtime.store.InMemorySessionStore}
 * for single-process bots and tests.
 *
 * <p>Nothing in this package is null unless its documentation says so; lookups return
 * {@link java.util.Optional}.
 */
package io.ttscenes.runtime.store;
