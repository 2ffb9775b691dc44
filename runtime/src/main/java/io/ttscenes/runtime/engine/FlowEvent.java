package io.ttscenes.runtime.engine;

import java.util.Objects;

/**
 * Something a committed update did to its session's place in the conversation: a scene entered,
 * completed, left early or timed out, a move between places, a deep-link start, a funnel step
 * reached, a milestone marked, an unreadable session reset. A {@code scene} of {@link #ROOT} is the root (no scene); a {@code step} of
 * {@link #NO_STEP} is a scene without wizard steps. Reported through
 * {@link RuntimeListener#turnCommitted}, only for updates whose commit won.
 */
public sealed interface FlowEvent {
  /** The scene name standing for "no scene". */
  String ROOT = "root";
  /** The step name standing for "no wizard step". */
  String NO_STEP = "-";

  /** The session entered {@code scene} at {@code step}. */
  record SceneEntered(String scene, String step) implements FlowEvent {
    public SceneEntered {
      checkPlace(scene, step);
    }
  }

  /** The session left {@code scene} from its last step (or a scene without steps) or finished its wizard. */
  record SceneCompleted(String scene, String step) implements FlowEvent {
    public SceneCompleted {
      checkPlace(scene, step);
    }
  }

  /** The session left {@code scene} from a step before its last one (cancel, back, another scene). */
  record SceneLeftEarly(String scene, String step) implements FlowEvent {
    public SceneLeftEarly {
      checkPlace(scene, step);
    }
  }

  /** The timeout handler of {@code scene} ran while the session was at {@code step}. */
  record SceneTimedOut(String scene, String step) implements FlowEvent {
    public SceneTimedOut {
      checkPlace(scene, step);
    }
  }

  /** The session moved from one place to another; places are {@link #place(String, String)} names. */
  record Moved(String from, String to) implements FlowEvent {
    public Moved {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /**
   * The user started the bot through a deep link of {@code campaign} (a declared campaign or
   * {@code other}); the update left the session at {@code scene}/{@code step}.
   */
  record DeepLinkStarted(String campaign, String scene, String step) implements FlowEvent {
    public DeepLinkStarted {
      Objects.requireNonNull(campaign, "campaign");
      checkPlace(scene, step);
    }
  }

  /** A user attributed to {@code campaign} reached {@code scene}/{@code step} for the first time. */
  record StepReached(String campaign, String scene, String step) implements FlowEvent {
    public StepReached {
      Objects.requireNonNull(campaign, "campaign");
      checkPlace(scene, step);
    }
  }

  /**
   * The stored session, last in {@code scene} ({@link #ROOT} when unknown), could not be read or
   * migrated ({@code reason}, e.g. {@code not_decoded}, {@code future_version}) and started over at
   * the root; the user was told. Scene {@code @chat_data}: the chat's data could not be read and
   * started over from the bot's factory, the member's session went on and nobody was told.
   */
  record SessionReset(String scene, String reason) implements FlowEvent {
    public SessionReset {
      Objects.requireNonNull(scene, "scene");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A handler marked the bot's declared {@code milestone} ({@code Context.reached}). */
  record MilestoneReached(String milestone) implements FlowEvent {
    public MilestoneReached {
      Objects.requireNonNull(milestone, "milestone");
    }
  }

  /** The name of a place: {@code root}, {@code scene} or {@code scene/step}. */
  static String place(String scene, String step) {
    return scene.equals(ROOT) ? ROOT : step.equals(NO_STEP) ? scene : scene + "/" + step;
  }

  private static void checkPlace(String scene, String step) {
    Objects.requireNonNull(scene, "scene");
    Objects.requireNonNull(step, "step");
  }
}
