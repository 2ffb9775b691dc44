/**
 * What a bot author writes against: {@link io.ttscenes.api.Bot}, {@link io.ttscenes.api.Scene},
 * handlers, middleware and the {@link io.ttscenes.api.Context} a handler works with.
 *
 * <p>Nothing in this package is null unless its documentation says so; lookups return
 * {@link java.util.Optional}. Handlers never call the Bot API's write operations themselves: they
 * record effects on the context, and the runtime sends them after the session was committed.
 */
package io.ttscenes.api;
