package io.ttscenes.runtime.engine;

import io.ttscenes.api.Bot;
import io.ttscenes.api.DialogResult;
import io.ttscenes.api.Handler;
import io.ttscenes.api.Scene;
import io.ttscenes.api.WizardStep;
import java.util.List;
import java.util.Optional;

/**
 * Applies the transitions a handler requested, running the lifecycle handlers they imply
 * (onLeave, onEnter, step prompts). Lifecycle handlers may request further transitions, up to a
 * bound that catches scenes entering each other in a loop; onLeave handlers may not.
 */
final class Transitions {
  static final int MAX_HOPS = 16;

  private final Bot bot;
  private final SessionCodec codec;

  Transitions(Bot bot, SessionCodec codec) {
    this.bot = bot;
    this.codec = codec;
  }

  void apply(SessionContext ctx) {
    int hops = 0;
    for (Optional<Transition> next = ctx.takeTransition(); next.isPresent(); next = ctx.takeTransition()) {
      if (++hops > MAX_HOPS) {
        throw new IllegalStateException("more than " + MAX_HOPS + " transitions for one update (the last was "
            + next.get() + "); scenes probably enter each other in a loop");
      }
      String before = ctx.session().place();
      apply(ctx, next.get());
      String after = ctx.session().place();
      if (!before.equals(after)) {
        ctx.flow(new FlowEvent.Moved(before, after));
      }
    }
  }

  private void apply(SessionContext ctx, Transition transition) {
    Session session = ctx.session();
    // Every transition is a new screen: typed buttons shown before it are stale from now on.
    Extras.newScreen(session.extras);
    if (transition instanceof Transition.Enter enter) {
      leave(ctx, true, true);
      start(ctx, enter.scene(), enter.data(), null);
    } else if (transition instanceof Transition.Call call) {
      DialogStack.push(session.extras, new DialogStack.Frame(session.scene.id(), session.step,
          codec.tree(session.data), VersionedData.stamp(session.scene.dataVersions()), call.scene().id()));
      start(ctx, call.scene(), call.input(), null);
    } else if (transition instanceof Transition.Return back) {
      returnToCaller(ctx, back.result());
    } else if (transition instanceof Transition.Leave) {
      if (DialogStack.depth(session.extras) > 0) {
        returnToCaller(ctx, new DialogResult.Cancelled<>());
        return;
      }
      leave(ctx, false, true);
      toRoot(session);
    } else if (transition instanceof Transition.Reenter) {
      Scene<?> scene = session.scene;
      Object data = session.data;
      leave(ctx, false, false);
      start(ctx, scene, data, null);
    } else if (transition instanceof Transition.Back) {
      back(ctx);
    } else if (transition instanceof Transition.Next) {
      List<? extends WizardStep<?>> steps = session.scene.steps();
      int index = session.stepIndex();
      if (index + 1 < steps.size()) {
        enterStep(ctx, steps.get(index + 1).name());
      } else if (DialogStack.depth(session.extras) > 0) {
        returnToCaller(ctx, new DialogResult.Cancelled<>());
      } else {
        leave(ctx, false, true);
        toRoot(session);
      }
    } else if (transition instanceof Transition.GoTo goTo) {
      enterStep(ctx, goTo.step());
    }
  }

  /**
   * Leaves the sub-dialog and resumes its caller (scene, step and data as they were, not asked
   * again), then runs the caller's result handler, or asks its step again when it has none. A
   * caller whose scene or data no longer fits resumes at the root.
   */
  private void returnToCaller(SessionContext ctx, DialogResult<?> result) {
    Session session = ctx.session();
    leave(ctx, false, !(result instanceof DialogResult.Cancelled));
    Optional<DialogStack.Frame> frame = DialogStack.pop(session.extras);
    Optional<Scene<?>> scene = frame.flatMap(f -> bot.scene(f.scene()));
    Optional<?> data = scene.flatMap(s -> codec.convert(frame.get().data(), frame.get().version(), s));
    if (scene.isEmpty() || data.isEmpty()) {
      toRoot(session);
      return;
    }
    session.scene = scene.get();
    session.data = data.get();
    session.step = SessionCodec.step(ctx.sessionKey(), scene.get(), frame.get().step());
    // The callee's timeouts end with it; the caller's scene timeout counts again from its return.
    session.jobs.remove(Jobs.TIMEOUT);
    session.jobs.remove(Jobs.STEP_TIMEOUT);
    scene.get().timeout().ifPresent(t -> session.jobs.put(Jobs.TIMEOUT, ctx.now().plus(t), null));
    Optional<? extends Handler<?>> handler = scene.get().resultHandler(frame.get().callee(), result);
    if (handler.isPresent()) {
      run(handler.get(), ctx);
    } else if (session.step != null) {
      prompt(ctx, session.step);
    }
  }

  private void back(SessionContext ctx) {
    Session session = ctx.session();
    int index = session.stepIndex();
    if (index > 0) {
      enterStep(ctx, session.scene.steps().get(index - 1).name());
      return;
    }
    leave(ctx, false, false);
    if (session.history.isEmpty()) {
      toRoot(session);
      return;
    }
    SessionState.HistoryEntry previous = session.history.remove(session.history.size() - 1);
    Optional<Scene<?>> scene = bot.scene(previous.scene());
    Optional<?> data = scene.flatMap(s -> codec.convert(previous.data(), previous.v(), s));
    if (scene.isEmpty() || data.isEmpty()) {
      toRoot(session);
      return;
    }
    start(ctx, scene.get(), data.get(), previous.step());
  }

  /**
   * Runs the current scene's onLeave and, for {@code enter}, remembers the scene for back(). The
   * scene counts as completed when left from its last step ({@code mayComplete}), else as left
   * early; a timeout run counts neither, its timeout was counted.
   */
  private void leave(SessionContext ctx, boolean remember, boolean mayComplete) {
    Session session = ctx.session();
    if (session.scene == null) {
      return;
    }
    Scene<?> scene = session.scene;
    if (!ctx.isTimeout()) {
      boolean last = session.stepIndex() == scene.steps().size() - 1;
      ctx.flow(mayComplete && last
          ? new FlowEvent.SceneCompleted(session.sceneName(), session.stepName())
          : new FlowEvent.SceneLeftEarly(session.sceneName(), session.stepName()));
    }
    scene.onLeave().ifPresent(handler -> run(handler, ctx));
    ctx.takeTransition().ifPresent(requested -> {
      throw new IllegalStateException("onLeave of scene '" + scene.id()
          + "' requested " + requested + "; leave handlers may not change scenes");
    });
    if (remember && bot.historyLimit() > 0) {
      session.history.add(codec.remembered(session));
      while (session.history.size() > bot.historyLimit()) {
        session.history.remove(0);
      }
    }
  }

  private void start(SessionContext ctx, Scene<?> scene, Object data, String step) {
    Session session = ctx.session();
    session.scene = scene;
    session.data = data;
    boolean knownStep = step != null && scene.step(step).isPresent();
    session.step = knownStep ? step : scene.steps().isEmpty() ? null : scene.steps().get(0).name();
    session.jobs.remove(Jobs.TIMEOUT);
    scene.timeout().ifPresent(timeout -> session.jobs.put(Jobs.TIMEOUT, ctx.now().plus(timeout), null));
    armStep(ctx);
    ctx.flow(new FlowEvent.SceneEntered(session.sceneName(), session.stepName()));
    reached(ctx);
    scene.onEnter().ifPresent(handler -> run(handler, ctx));
    if (!ctx.hasPendingTransition() && session.step != null) {
      prompt(ctx, session.step);
    }
  }

  private void enterStep(SessionContext ctx, String step) {
    ctx.session().step = step;
    armStep(ctx);
    reached(ctx);
    prompt(ctx, step);
  }

  /** Sets the timeout of the current wizard step, or removes the previous step's. */
  private static void armStep(SessionContext ctx) {
    Session session = ctx.session();
    session.jobs.remove(Jobs.STEP_TIMEOUT);
    session.scene().flatMap(scene -> Optional.ofNullable(session.step).flatMap(scene::step))
        .flatMap(WizardStep::timeout)
        .ifPresent(timeout -> session.jobs.put(Jobs.STEP_TIMEOUT, ctx.now().plus(timeout), null));
  }

  private void prompt(SessionContext ctx, String step) {
    ctx.session().scene.step(step).flatMap(WizardStep::promptHandler).ifPresent(handler -> run(handler, ctx));
  }

  /** Counts the session's place for its campaign's funnel, once per place and attributed user. */
  private static void reached(SessionContext ctx) {
    Session session = ctx.session();
    if (session.campaign != null && session.reached.add(session.place())) {
      ctx.flow(new FlowEvent.StepReached(session.campaign, session.sceneName(), session.stepName()));
    }
  }

  private static void toRoot(Session session) {
    DialogStack.clear(session.extras);
    session.scene = null;
    session.step = null;
    session.data = null;
    session.jobs.remove(Jobs.TIMEOUT);
    session.jobs.remove(Jobs.STEP_TIMEOUT);
    session.history.clear();
  }

  @SuppressWarnings("unchecked")
  static void run(Handler<?> handler, SessionContext ctx) {
    ((Handler<Object>) handler).handle(ctx);
  }
}
