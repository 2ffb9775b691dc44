/**
 * The Bot API over HTTP: {@link io.ttscenes.runtime.client.OkHttpBotApi} and the machinery behind
 * it (retries, rate limit, error mapping, uploads).
 *
 * <p>Nothing in this package is null unless its documentation says so; absent values are
 * {@link java.util.Optional}.
 */
package io.ttscenes.runtime.client;
