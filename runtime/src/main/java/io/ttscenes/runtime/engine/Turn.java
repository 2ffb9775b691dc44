package io.ttscenes.runtime.engine;

import io.ttscenes.api.Bot;
import io.ttscenes.api.ExceptionHandler;
import io.ttscenes.api.Handler;
import io.ttscenes.api.Scene;
import io.ttscenes.api.SessionRef;
import io.ttscenes.api.SignalRoute;
import io.ttscenes.api.WizardStep;
import io.ttscenes.api.internal.BotRouting;
import io.ttscenes.api.internal.Selection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the handlers for one attempt at one update: middleware, routing, the chosen handler and
 * the transitions it requested; or, when anything throws, the exception handler on a fresh
 * context, so nothing the failed run recorded survives. Pure with respect to the store and the
 * Bot API's write calls: the result is the new session and the effects to commit.
 */
final class Turn {
  private static final Logger LOG = LoggerFactory.getLogger(Turn.class);

  /** The new session, the effects to send after the commit, and how the update was handled. */
  record Result(Session session, List<Effect> effects, UpdateOutcome outcome, List<FlowEvent> events) {}

  private final Bot bot;
  private final Transitions transitions;
  private final Supplier<Optional<String>> username;
  private final Authoring authoring;

  Turn(Bot bot, Transitions transitions, Supplier<Optional<String>> username, SessionCodec codec) {
    this.bot = bot;
    this.transitions = transitions;
    this.username = username;
    this.authoring = new Authoring(bot, new PayloadCodec(codec.mapper()), username);
  }

  /**
   * The bot's code failed on a session the store only guessed new: the failure may be the
   * guess's, so it is neither handled nor reported; the caller reads the session and runs again.
   */
  static final class GuessedRunFailed extends RuntimeException {
    GuessedRunFailed(Throwable cause) {
      super("the handler failed on a session guessed new", cause, false, false);
    }
  }

  /**
   * Runs an update; {@code contexts} makes a fresh context of the session as loaded. When
   * {@code guessed} (the session is only the store's guess that it is new), a failure of the bot's
   * code throws {@link GuessedRunFailed} instead of running the exception handling.
   */
  Result run(Supplier<SessionContext> given, boolean guessed) {
    Supplier<SessionContext> contexts = attached(given);
    SessionContext ctx = contexts.get();
    try {
      boolean[] matched = {false};
      MiddlewareChain.run(bot.middleware(), ctx, any -> matched[0] = route(ctx));
      return new Result(ctx.session(), ctx.effects(), matched[0] ? UpdateOutcome.HANDLED : UpdateOutcome.UNMATCHED,
          ctx.events());
    } catch (Throwable e) {
      // Not only RuntimeException: a handler may rethrow checked exceptions sneakily, and an Error
      // such as a StackOverflowError from a recursive bug is the handler's failure too.
      rethrowIfFatal(e);
      if (guessed) {
        throw new GuessedRunFailed(e);
      }
      return recover(contexts, e);
    }
  }

  /**
   * {@code result} of an update with its idle timeouts restarted, whichever way it was reached: an
   * update whose handler failed (recovered on a fresh session, as loaded) or whose result could not
   * be stored is still one from the user, so it counts as activity.
   */
  static Result touched(Result result, Instant now) {
    touch(result.session(), now);
    return result;
  }

  /**
   * Runs the handler of the due {@code job}, consumed first: the scene's timeout handler for the
   * timeout, else the session's {@code onScheduled} handler. A job no handler takes is logged and
   * reported unmatched (and is gone, so it never comes back).
   */
  Result runJob(Supplier<SessionContext> contexts, ScheduledJob job) {
    SessionContext ctx = consumed(attached(contexts), job.name()).get();
    try {
      Session session = ctx.session();
      Optional<? extends Handler<?>> handler = handlerOf(session, job.name());
      if (handler.isEmpty()) {
        LOG.warn("session {}: no handler takes scheduled job '{}' in {}; the job is dropped", ctx.sessionKey(),
            job.name(), session.scene().map(s -> "scene '" + s.id() + "'").orElse("the root"));
        return new Result(session, ctx.effects(), UpdateOutcome.UNMATCHED, ctx.events());
      }
      return handled(handler.get(), ctx, session);
    } catch (Throwable e) {
      rethrowIfFatal(e);
      return recover(consumed(contexts, job.name()), e);
    }
  }

  /**
   * Runs the {@code onSignal} handler for the signal's payload type (the step's, the scene's or
   * the root's, then the global one). A signal no handler takes is logged and reported unmatched;
   * its commit consumes it all the same, so it never comes back.
   */
  Result runSignal(Supplier<SessionContext> given, Signals.Message message) {
    Supplier<SessionContext> contexts = attached(given);
    SessionContext ctx = contexts.get().fromSignal(SessionRef.parse(message.from()));
    try {
      Session session = ctx.session();
      Optional<SignalRoute<?>> route = bot.selectSignal(message.type(), session.scene().map(Scene::id),
          Optional.ofNullable(session.step));
      if (route.isEmpty()) {
        LOG.warn("session {}: no handler takes the signal of type {} from {} in {}; the signal is dropped",
            ctx.sessionKey(), message.type(), message.from(),
            session.scene().map(s -> "scene '" + s.id() + "'").orElse("the root"));
        return new Result(session, ctx.effects(), UpdateOutcome.UNMATCHED, ctx.events());
      }
      Object payload = ctx.read("the signal from " + message.from(), message.payload(), route.get().type());
      return handled((Handler<Object>) c -> route.get().run(c, payload), ctx, session);
    } catch (Throwable e) {
      rethrowIfFatal(e);
      return recover(contexts, e);
    }
  }

  /**
   * Runs the {@code onSent} or {@code onSendFailed} handler of a continuation's outcome, looked up
   * where the session is now (step, scene or root, then global). One the session's place does not
   * take (its scene was left, say) is logged and reported unmatched; one of a kind the bot has no
   * handler for at all (a success where it registered only {@code onSendFailed}) is consumed
   * quietly. Either way its commit consumes it.
   */
  Result runContinuation(Supplier<SessionContext> given, Continued outcome) {
    Supplier<SessionContext> contexts = () -> attached(given).get().fromContinuation(outcome);
    SessionContext ctx = contexts.get();
    try {
      Session session = ctx.session();
      boolean sent = outcome.sent().isPresent();
      Optional<Handler<?>> handler = bot.selectContinuation(sent, outcome.name(), session.scene().map(Scene::id),
          Optional.ofNullable(session.step));
      if (handler.isEmpty() && !bot.takesContinuation(sent, outcome.name())) {
        // The bot asked only for the other outcome (say, onSendFailed alone): this one is done.
        return new Result(session, ctx.effects(), UpdateOutcome.HANDLED, ctx.events());
      }
      if (handler.isEmpty()) {
        LOG.warn("session {}: no {} handler takes continuation '{}' in {}; it is dropped", ctx.sessionKey(),
            sent ? "onSent" : "onSendFailed", outcome.name(),
            session.scene().map(s -> "scene '" + s.id() + "'").orElse("the root"));
        return new Result(session, ctx.effects(), UpdateOutcome.UNMATCHED, ctx.events());
      }
      return handled(handler.get(), ctx, session);
    } catch (Throwable e) {
      rethrowIfFatal(e);
      return recover(contexts, e);
    }
  }

  /** Runs {@code handler} on {@code ctx}, applies the transitions it recorded, and reports it handled. */
  private Result handled(Handler<?> handler, SessionContext ctx, Session session) {
    Transitions.run(handler, ctx);
    transitions.apply(ctx);
    return new Result(session, ctx.effects(), UpdateOutcome.HANDLED, ctx.events());
  }

  /** The scene's or step's timeout handler for their timeouts, else the job's {@code onScheduled} handler. */
  private Optional<? extends Handler<?>> handlerOf(Session session, String name) {
    Optional<String> step = Optional.ofNullable(session.step);
    if (name.equals(Jobs.TIMEOUT)) {
      return session.scene().flatMap(Scene::onTimeout);
    }
    if (name.equals(Jobs.STEP_TIMEOUT)) {
      return session.scene().flatMap(scene -> step.flatMap(scene::step)).flatMap(WizardStep::onTimeout);
    }
    return bot.selectScheduled(name, session.scene().map(Scene::id), step);
  }

  /** Restarts the timeout of a scene or step that counts it from the last update. */
  private static void touch(Session session, Instant now) {
    if (session.scene == null) {
      return;
    }
    if (session.scene.timeoutIsIdle()) {
      session.scene.timeout().ifPresent(t -> session.jobs.put(Jobs.TIMEOUT, now.plus(t), null));
    }
    Optional.ofNullable(session.step).flatMap(session.scene::step).filter(WizardStep::timeoutIsIdle)
        .flatMap(WizardStep::timeout)
        .ifPresent(t -> session.jobs.put(Jobs.STEP_TIMEOUT, now.plus(t), null));
  }

  /**
   * Contexts with the authoring blocks attached (typed payloads, locale) and, for a session that
   * started over because its stored data could not be read, the notice to the user and the event
   * counting it, before anything the handler does.
   */
  private Supplier<SessionContext> attached(Supplier<SessionContext> contexts) {
    return () -> noticed(authoring.attach(contexts.get()));
  }

  /**
   * {@code ctx}'s session unchanged with {@code outcome}, no handler run: for an event consumed as
   * it is; a session that started over still gets its notice and event.
   */
  Result unchanged(SessionContext ctx, UpdateOutcome outcome) {
    SessionContext noticed = noticed(authoring.attach(ctx));
    return new Result(noticed.session(), noticed.effects(), outcome, noticed.events());
  }

  /**
   * {@code ctx} with the reset notice and event once: a recovery re-attaches the contexts it is
   * given, which may be attached already.
   */
  private SessionContext noticed(SessionContext ctx) {
    FlowEvent.SessionReset reset = ctx.session().reset;
    if (reset == null || ctx.events().contains(reset)) {
      return ctx;
    }
    ctx.flow(reset);
    if (ctx.chatId().isPresent() || ctx.userId().isPresent()) {
      boolean translated = bot.messages().filter(m -> m.has(Bot.RESET_NOTICE_KEY)).isPresent();
      ctx.reply(translated ? ctx.t(Bot.RESET_NOTICE_KEY) : bot.resetNotice());
    }
    return ctx;
  }

  private boolean route(SessionContext ctx) {
    if (authoring.refused(ctx)) {
      transitions.apply(ctx);
      return true;
    }
    Session session = ctx.session();
    Optional<Selection> selected = BotRouting.select(bot, ctx.update(), username.get(),
        session.scene().map(Scene::id), Optional.ofNullable(session.step));
    if (selected.isEmpty()) {
      LOG.debug("no handler matched {}", ctx.update().updateType());
      return false;
    }
    ctx.match(selected.get().match());
    Transitions.run(selected.get().handler(), ctx);
    transitions.apply(ctx);
    return true;
  }

  /**
   * Fresh contexts with job {@code name} consumed, as a job's recovery sees them; a scene or step
   * timeout is recorded on each, so whichever run commits counts it.
   */
  static Supplier<SessionContext> consumed(Supplier<SessionContext> contexts, String name) {
    return () -> {
      SessionContext fresh = contexts.get();
      Session session = fresh.session();
      session.jobs.remove(name);
      if (session.scene != null && (name.equals(Jobs.TIMEOUT) || name.equals(Jobs.STEP_TIMEOUT))) {
        fresh.flow(new FlowEvent.SceneTimedOut(session.sceneName(), session.stepName()));
      }
      return fresh;
    };
  }

  /**
   * Rethrows what leaves the JVM unfit to run more code (out of memory, internal errors); a stack
   * overflow is not among them, since the stack is unwound by the time it is caught.
   */
  private static void rethrowIfFatal(Throwable error) {
    if (error instanceof VirtualMachineError && !(error instanceof StackOverflowError)) {
      throw (VirtualMachineError) error;
    }
  }

  /**
   * Handles {@code error} as a failed handler (exception handler, else the apology) on a fresh
   * context from {@code contexts}; also used when the result of a run could not be stored.
   */
  Result recover(Supplier<SessionContext> given, Throwable error) {
    Supplier<SessionContext> contexts = attached(given);
    Optional<ExceptionHandler<Throwable>> handler = bot.exceptionHandler(error);
    if (handler.isEmpty()) {
      LOG.error("handler failed; replying with the apology", error);
      return apologize(contexts.get());
    }
    LOG.warn("handler failed; running the exception handler for {}", error.getClass().getName(), error);
    SessionContext ctx = contexts.get();
    try {
      handler.get().handle(ctx, error);
      transitions.apply(ctx);
      return new Result(ctx.session(), ctx.effects(), UpdateOutcome.HANDLER_FAILED, ctx.events());
    } catch (Throwable second) {
      rethrowIfFatal(second);
      LOG.error("the exception handler failed too; replying with the apology", second);
      return apologize(contexts.get());
    }
  }

  /** The apology alone on {@code ctx}; also the last resort when not even a handled result can be stored. */
  Result apologize(SessionContext given) {
    SessionContext ctx = noticed(authoring.attach(given));
    if (ctx.chatId().isPresent() || ctx.userId().isPresent()) {
      ctx.reply(bot.apology());
    }
    return new Result(ctx.session(), ctx.effects(), UpdateOutcome.HANDLER_FAILED, ctx.events());
  }
}
