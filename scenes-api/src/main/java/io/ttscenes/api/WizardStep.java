package io.ttscenes.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a wizard scene: a prompt run when the step is entered, and the handlers that take
 * the user's answer (usually ending with {@link Context#next()}). A step's routes are tried before
 * the scene's own routes.
 *
 * @param <D> the scene data type
 */
public final class WizardStep<D> extends RouteSet<D, WizardStep<D>> {
  private final String name;
  private Handler<D> prompt;
  private Duration timeout;
  private boolean idleTimeout;
  private Handler<D> onTimeout;

  WizardStep(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  /** Sets the handler run each time the step is entered (typically asks the question). */
  public WizardStep<D> prompt(Handler<D> prompt) {
    this.prompt = Objects.requireNonNull(prompt, "prompt");
    return this;
  }

  /**
   * Runs {@code handler} when the session is still at this step {@code timeout} after entering
   * it (entering it again restarts the clock); the handler decides where to go. Replaces an
   * earlier timeout of the step. Throws {@link IllegalArgumentException} unless it is positive.
   */
  public WizardStep<D> timeout(Duration timeout, Handler<D> handler) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout of step '" + name + "' is " + timeout + "; it must be positive");
    }
    this.timeout = timeout;
    this.onTimeout = Objects.requireNonNull(handler, "handler");
    this.idleTimeout = false;
    return this;
  }

  /**
   * As {@link #timeout}, counted from the session's last update at this step rather than from
   * entering it.
   */
  public WizardStep<D> idleTimeout(Duration timeout, Handler<D> handler) {
    timeout(timeout, handler);
    this.idleTimeout = true;
    return this;
  }

  /** Returns the step's timeout, when it has one. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** Returns whether the step's timeout counts from the last update rather than from entering it. */
  public boolean timeoutIsIdle() {
    return idleTimeout;
  }

  /** Returns the step's timeout handler, when it has one. */
  public Optional<Handler<D>> onTimeout() {
    return Optional.ofNullable(onTimeout);
  }

  /** Returns the step's name, unique within its scene. */
  public String name() {
    return name;
  }

  /** Returns the prompt, if one was set. */
  public Optional<Handler<D>> promptHandler() {
    return Optional.ofNullable(prompt);
  }

  @Override
  WizardStep<D> self() {
    return this;
  }
}
