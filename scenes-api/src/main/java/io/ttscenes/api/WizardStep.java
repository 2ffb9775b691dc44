package io.ttscenes.api;

import io.ttscenes.api.model.MessageCreatedUpdate;
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
   * Makes this step ask {@code prompt}: its question is the step's prompt, and {@code then} gets
   * the parsed value of a valid answer (typically it stores it and calls {@code next()}). After
   * the prompt's maximum of failed answers it replies the give-up message and leaves the scene.
   */
  public <T> WizardStep<D> ask(Prompt<T> prompt, TypedHandler<D, T> then) {
    return ask(prompt, then, Context::leave);
  }

  /** As {@link #ask(Prompt, TypedHandler)}, running {@code giveUp} after the give-up message. */
  public <T> WizardStep<D> ask(Prompt<T> prompt, TypedHandler<D, T> then, Handler<D> giveUp) {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(then, "then");
    Objects.requireNonNull(giveUp, "giveUp");
    Handler<D> answer = ctx -> {
      Optional<T> value = prompt.parse(ctx);
      if (value.isPresent()) {
        then.handle(ctx, value.get());
      } else if (ctx.failedAttempt().failedAttempts() >= prompt.maxAttempts()) {
        giveUp.handle(ctx.reply(prompt.giveUpMessage()));
      } else {
        ctx.reply(prompt.retryMessage());
      }
    };
    prompt(prompt::ask);
    onCallback(Prompt.Choice.class, (ctx, choice) -> answer.handle(ctx));
    onCallback(Prompt.Back.class, (ctx, back) -> ctx.back());
    // Any new message that is not a command counts (a sticker too: it gets the retry message);
    // edits and commands do not, so /cancel and friends still reach their routes.
    return add("prompt answer", (update, bot) -> Conditions.plain(update instanceof MessageCreatedUpdate
        && Conditions.command(update, bot).isEmpty()), answer);
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
