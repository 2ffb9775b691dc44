/**
 * Running a bot: {@link io.ttscenes.runtime.BotRuntime} (start, graceful close),
 * {@link io.ttscenes.runtime.RuntimeConfig} (settings from the environment) and the Guice
 * {@link io.ttscenes.runtime.RuntimeModule} with {@link io.ttscenes.runtime.BotSettings}.
 *
 * <p>Nothing in this package is null unless its documentation says so; optional values are
 * {@link java.util.Optional}.
 */
package io.ttscenes.runtime;
