/**
 * The admin HTTP endpoint of a running bot, on one embedded Jetty server: Prometheus metrics,
 * liveness and readiness, the scene graph drawn from the bot's code (Mermaid) and live funnels
 * per deep-link campaign. {@link io.ttscenes.runtime.admin.SceneGraph} also works without a
 * running bot, for docs and code review.
 *
 * <p>Nothing in this package is null unless its documentation says so; optional values are
 * {@link java.util.Optional}.
 */
package io.ttscenes.runtime.admin;
