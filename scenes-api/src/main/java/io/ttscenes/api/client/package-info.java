/**
 * The TamTam Bot API as seen by a bot: the {@link io.ttscenes.api.client.BotApi} operations, their
 * request values, the exception family, the API's documented limits and text escaping.
 *
 * <p>Nothing in this package is null unless its documentation says so; absent values are
 * {@link java.util.Optional}, and request values document which of their components may be null
 * (meaning "parameter not sent").
 */
package io.ttscenes.api.client;
