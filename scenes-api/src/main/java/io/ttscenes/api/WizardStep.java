package io.ttscenes.api;

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

  WizardStep(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  /** Sets the handler run each time the step is entered (typically asks the question). */
  public WizardStep<D> prompt(Handler<D> prompt) {
    this.prompt = Objects.requireNonNull(prompt, "prompt");
    return this;
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
