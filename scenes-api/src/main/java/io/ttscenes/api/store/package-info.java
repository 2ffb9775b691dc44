/**
 * The session store SPI: what the engine needs from a place that keeps sessions.
 *
 * <p>Nothing in this package is null unless its documentation says so; absent values are
 * {@link java.util.Optional}. Every implementation passes the same contract suite
 * ({@code SessionStoreContract} in this module's test-jar).
 */
package io.ttscenes.api.store;
