package io.ttscenes.runtime.engine;

import io.ttscenes.api.Bot;
import io.ttscenes.api.HandlerTimeoutException;
import io.ttscenes.api.Scene;
import io.ttscenes.api.Updates;
import io.ttscenes.api.model.BotStartedUpdate;
import io.ttscenes.api.model.UnknownUpdate;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.store.ChatKeys;
import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.InboxEntry;
import io.ttscenes.api.store.OutboxEntry;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoredSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans one attempt at a job from the session as loaded: either nothing to do (duplicate, stale
 * timer) or the commit to make, with the effects to send after it. The session's scheduled jobs
 * travel inside it, and the commit carries their earliest due time, which the store keeps as the
 * session's timer in the same atomic step. Makes no store writes except settling a fired timer.
 */
final class Attempts {
  private static final Logger LOG = LoggerFactory.getLogger(Attempts.class);

  sealed interface Attempt {}

  /** Nothing to commit. */
  record Done(UpdateOutcome outcome) implements Attempt {}

  /** The bot's code failed on a session guessed new: read the session and run again, reporting nothing. */
  record Reread() implements Attempt {}

  /**
   * A commit to make, the effects to send once it won, where the handler ran and the flow events
   * to report once it won; {@code moreSignals}: the session's inbox holds more signals than the
   * one this commit consumes.
   */
  record Planned(Commit commit, String owner, List<Effect> effects, UpdateOutcome outcome, Place ranAt,
      List<FlowEvent> events, boolean moreSignals) implements Attempt {}

  /** Where the session was when the handler ran. */
  record Place(String scene, String step) {
    static Place of(Session session) {
      return new Place(session.sceneName(), session.stepName());
    }
  }

  private final EngineSettings settings;
  private final Bot bot;
  private final SessionStore store;
  private final SessionCodec codec;
  private final ChatDataCodec chatCodec;
  private final Turn turn;
  private final OutboxCodec codecOfOutboxes;
  private final SentOutboxes sent;
  private final Supplier<String> owner;

  /**
   * {@code sent} names the entries each commit clears; {@code owner} is the instance id stamped
   * on the entries committed now.
   */
  Attempts(EngineSettings settings, OutboxCodec outboxCodec, SentOutboxes sent, Supplier<String> owner) {
    this.settings = settings;
    this.bot = settings.bot();
    this.store = settings.store();
    this.codec = new SessionCodec(bot, settings.mapper());
    this.chatCodec = new ChatDataCodec(bot, codec.mapper());
    this.turn = new Turn(bot, new Transitions(bot, codec), settings.username(), codec);
    this.codecOfOutboxes = outboxCodec;
    this.sent = sent;
    this.owner = owner;
  }

  /**
   * Plans {@code job}; {@code overruns} counts the runs of it the handler deadline abandoned: after
   * one, the exception handler runs instead of the handler, after two the apology alone.
   * {@code guessed}: {@code stored} is the store's guess that the session is new, and a failing
   * handler then gives {@link Reread} rather than running the exception handling.
   */
  Attempt plan(String key, Job job, Optional<StoredSession> stored, int overruns, boolean guessed) {
    Instant now = settings.clock().instant();
    Rescue rescue = new Rescue(job.type(), overruns);
    if (job instanceof Job.ForUpdate forUpdate) {
      try {
        return planUpdate(key, forUpdate.routed(), stored, now, rescue, guessed);
      } catch (Turn.GuessedRunFailed e) {
        LOG.debug("session {}: the handler failed on a session guessed new ({}); reading the session",
            key, e.getCause().toString());
        return new Reread();
      }
    }
    // Signals before jobs: a signal waits in the inbox only until its session's lane gets to it.
    Optional<Attempt> signal = planSignal(key, stored, now, rescue);
    if (signal.isPresent() || job instanceof Job.ForInbox) {
      return signal.orElse(new Done(UpdateOutcome.EMPTY_INBOX));
    }
    return planTimer(key, (Job.ForTimer) job, stored, now, rescue);
  }

  /** Which code a run of a job may call after {@code overruns} abandoned runs of it. */
  private record Rescue(String type, int overruns) {}

  /** The turn's own run, or after an overrun the exception handler's, or after two the apology alone. */
  private Turn.Result runOrRescue(Rescue rescue, Supplier<Turn.Result> run, Supplier<SessionContext> contexts) {
    if (rescue.overruns() == 0) {
      return run.get();
    }
    if (rescue.overruns() == 1) {
      return turn.recover(contexts, new HandlerTimeoutException(rescue.type(), settings.handlerDeadline()));
    }
    return turn.apologize(contexts.get());
  }

  /**
   * {@code loaded} unchanged with {@code outcome}, for a signal consumed without a handler; a
   * session that started over (its stored data unreadable) still tells its user and counts it.
   */
  private Turn.Result unchanged(String key, Session loaded, Instant now, UpdateOutcome outcome) {
    if (loaded.reset == null) {
      return new Turn.Result(loaded, List.of(), outcome, List.of());
    }
    return turn.unchanged(new SessionContext(bot, loaded, signalUpdate(loaded, null, now), key, now,
        Optional.empty(), codec, settings.api()), outcome);
  }

  private Planned planned(String key, DedupeId dedupeId, Optional<StoredSession> stored, Instant now,
      Turn.Result result, Place ranAt, Set<String> consumed, boolean more) {
    return planned(key, dedupeId, stored, now, result, ranAt, result.events(), consumed, more);
  }

  /**
   * Plans the handling of the next signal in the session's inbox ({@link Signals#next}: the oldest,
   * or an earlier one its sender committed before it), consumed by the commit: its
   * handler's run, or for a signal already handled (a delivery repeated after a crash) or
   * unreadable, a commit of the session unchanged. Empty when the inbox is empty.
   */
  private Optional<Attempt> planSignal(String key, Optional<StoredSession> stored, Instant now, Rescue rescue) {
    List<InboxEntry> inbox = store.inbox(key);
    if (inbox.isEmpty()) {
      return Optional.empty();
    }
    InboxEntry entry = Signals.next(settings.mapper(), inbox);
    DedupeId dedupeId = Signals.dedupeId(entry.id());
    Set<String> consumed = Set.of(entry.id());
    boolean more = inbox.size() > 1;
    Session loaded = load(key, stored);
    Place ranAt = Place.of(loaded);
    if (stored.filter(s -> s.hasSeen(dedupeId.toString())).isPresent()) {
      return Optional.of(planned(key, dedupeId, stored, now, unchanged(key, loaded, now, UpdateOutcome.DUPLICATE),
          ranAt, consumed, more));
    }
    Signals.Message message;
    try {
      message = Signals.read(settings.mapper(), entry);
    } catch (IllegalArgumentException e) {
      LOG.error("session {}: {}; the entry is dropped", key, e.getMessage());
      return Optional.of(planned(key, dedupeId, stored, now, unchanged(key, loaded, now, UpdateOutcome.UNMATCHED),
          ranAt, consumed, more));
    }
    Supplier<Session> sessions = firstThenFresh(loaded, key, stored);
    Supplier<SessionContext> contexts = () -> {
      Session session = sessions.get();
      return new SessionContext(bot, session, signalUpdate(session, message, now), key, now,
          Optional.empty(), codec, settings.api());
    };
    Turn.Result ran;
    try {
      ran = runOrRescue(rescue, () -> Continued.isContinuation(message.type())
          ? turn.runContinuation(contexts, Signals.continued(settings.mapper(), entry, message))
          : turn.runSignal(contexts, message), contexts);
    } catch (IllegalArgumentException e) {
      LOG.error("session {}: {}; the entry is dropped", key, e.getMessage());
      ran = unchanged(key, loaded, now, UpdateOutcome.UNMATCHED);
    }
    return Optional.of(storable(ran, contexts,
        result -> planned(key, dedupeId, stored, now, result, ranAt, result.events(), consumed, more)));
  }

  private Attempt planUpdate(String key, Routed routed, Optional<StoredSession> stored, Instant now,
      Rescue rescue, boolean guessed) {
    if (stored.filter(s -> s.hasSeen(routed.dedupeId().toString())).isPresent()) {
      return new Done(UpdateOutcome.DUPLICATE);
    }
    Update update = routed.update();
    Session loaded = load(key, stored);
    Place ranAt = Place.of(loaded);
    Optional<String> campaign = campaign(update);
    Supplier<Session> sessions = firstThenFresh(loaded, key, stored);
    Supplier<SessionContext> contexts = () -> {
      Session session = sessions.get();
      update.chatId().ifPresent(chat -> session.chat = chat);
      update.userId().ifPresent(user -> session.user = user);
      campaign.ifPresent(name -> attribute(session, name));
      return new SessionContext(bot, session, update, key, now, Optional.empty(), codec, settings.api());
    };
    return storable(runOrRescue(rescue, () -> turn.run(contexts, guessed), contexts), contexts, guessed, ran -> {
      Turn.Result result = Turn.touched(ran, now);
      List<FlowEvent> events = new ArrayList<>(result.events());
      campaign.ifPresent(name -> events.add(new FlowEvent.DeepLinkStarted(name,
          result.session().sceneName(), result.session().stepName())));
      return planned(key, routed.dedupeId(), stored, now, result, ranAt, events, Set.of(), false);
    });
  }

  /**
   * Plans the commit of {@code result}; when its session or outbox cannot be written as JSON, the
   * failure goes to the bot's exception handling on a fresh context (so the unwritable change is
   * dropped), and as a last resort to the apology alone, so the update still completes.
   */
  private Planned storable(Turn.Result result, Supplier<SessionContext> contexts,
      Function<Turn.Result, Planned> plan) {
    return storable(result, contexts, false, plan);
  }

  /**
   * As {@link #storable(Turn.Result, Supplier, Function)}; but when {@code guessed} (the result
   * of a run on a session only guessed new) an unwritable result is no failure of the bot yet,
   * as a throwing handler is not: {@link Turn.GuessedRunFailed}, and the session is read.
   */
  private Planned storable(Turn.Result result, Supplier<SessionContext> contexts, boolean guessed,
      Function<Turn.Result, Planned> plan) {
    try {
      return plan.apply(result);
    } catch (UnwritableStateException e) {
      if (guessed) {
        throw new Turn.GuessedRunFailed(e);
      }
      Turn.Result handled = turn.recover(contexts, e);
      try {
        return plan.apply(handled);
      } catch (UnwritableStateException again) {
        LOG.error("the exception handler's result cannot be stored either; replying with the apology", again);
        return plan.apply(turn.apologize(contexts.get()));
      }
    }
  }

  /**
   * Leaves the timer of a fired or stale timer job pointing at {@code wake}, the earliest due
   * time of the session as committed (or loaded). With a claim, only while the timer still holds
   * the claim's lease end: a commit that changed the session's jobs has set it already, and
   * another instance may have re-armed it. Without a claim, unconditionally.
   */
  void settle(String key, Job.ForTimer timer, Optional<Instant> wake) {
    if (timer.claimedUntil().isEmpty()) {
      wake.ifPresentOrElse(due -> store.scheduleTimer(key, due), () -> store.cancelTimer(key));
      return;
    }
    Instant claim = timer.claimedUntil().get();
    if (wake.isPresent()) {
      store.rescheduleTimer(key, claim, wake.get());
    } else {
      store.cancelTimer(key, claim);
    }
  }

  private Attempt planTimer(String key, Job.ForTimer timer, Optional<StoredSession> stored, Instant now,
      Rescue rescue) {
    Session loaded = load(key, stored);
    Optional<ScheduledJob> due = stored.isEmpty() ? Optional.empty() : loaded.jobs.firstDue(now);
    if (due.isEmpty()) {
      settle(key, timer, stored.isEmpty() ? Optional.empty() : loaded.jobs.wake());
      return new Done(UpdateOutcome.STALE_TIMER);
    }
    ScheduledJob job = due.get();
    Supplier<Session> sessions = firstThenFresh(loaded, key, stored);
    Supplier<SessionContext> contexts = () -> {
      Session session = sessions.get();
      return new SessionContext(bot, session, jobUpdate(session, job, now), key, now, Optional.of(job), codec,
          settings.api());
    };
    Place ranAt = Place.of(loaded);
    return storable(runOrRescue(rescue, () -> turn.runJob(contexts, job), Turn.consumed(contexts, job.name())),
        Turn.consumed(contexts, job.name()),
        result -> planned(key, job.dedupeId(), stored, now, result, ranAt, result.events(), Set.of(), false));
  }

  /**
   * The campaign tag of a deep-link start: the payload when the bot declares it, else
   * {@code other}, so users cannot mint label values; empty for any other update.
   */
  private Optional<String> campaign(Update update) {
    if (!(update instanceof BotStartedUpdate)) {
      return Optional.empty();
    }
    return Updates.startPayload(update).filter(payload -> !payload.isEmpty())
        .map(payload -> bot.campaigns().contains(payload) ? payload : "other");
  }

  /** A deep-link start attributes the session to its campaign afresh: its funnel starts over. */
  private static void attribute(Session session, String campaign) {
    session.campaign = campaign;
    session.reached.clear();
  }

  private Planned planned(String key, DedupeId dedupeId, Optional<StoredSession> stored, Instant now,
      Turn.Result result, Place ranAt, List<FlowEvent> events, Set<String> consumedSignals,
      boolean moreSignals) {
    long version = stored.map(StoredSession::version).orElse(0L);
    Optional<OutboxEntry> outbox = Optional.empty();
    String owner = this.owner.get();
    List<Effect> effects = withSignalIds(key, dedupeId, version + 1, result.effects());
    if (!effects.isEmpty()) {
      OutboxCodec.Encoded encoded = codecOfOutboxes.encode(new OutboxPayload(now.toEpochMilli(), dedupeId.toString(), effects,
          owner));
      outbox = Optional.of(new OutboxEntry(new OutboxId(version + 1, dedupeId).toString(), encoded.json()));
      effects = encoded.effects();
    }
    Duration idle = result.session().scene().flatMap(Scene::sessionTtl).orElse(bot.sessionTtl());
    Duration ttl = result.session().jobs.ttl(idle, now);
    Commit commit = new Commit(key, version, codec.encode(result.session()), outbox, dedupeId.toString(), ttl,
        sent.toClear(key), result.session().jobs.wake(), consumedSignals,
        result.session().chatShare.write(bot.sessionTtl()));
    return new Planned(commit, owner, effects, result.outcome(), ranAt, events, moreSignals);
  }

  /**
   * Gives each recorded signal and continuation its id: the sender's key, the dedupe id of the
   * event that recorded it and its index, the same in every re-run of the event, so a repeated
   * delivery is the same signal to its target (a continuation's outcome goes to the sender itself);
   * and its order: the version {@code commit} this commit writes and the same index, by which the
   * target handles the sender's waiting signals. Other effects (replies, on every update of a bot
   * that sends no signals) get neither.
   */
  private static List<Effect> withSignalIds(String key, DedupeId dedupeId, long commit, List<Effect> effects) {
    List<Effect> named = new ArrayList<>(effects.size());
    for (int i = 0; i < effects.size(); i++) {
      Effect effect = effects.get(i);
      if (effect instanceof Effect.Signal signal) {
        named.add(signal.withId(new EffectId(key, dedupeId, i).toString(), new SignalOrder(commit, i)));
      } else if (effect instanceof Effect.MessageCall call && call.then() != null) {
        named.add(call.withThen(call.then().withId(new EffectId(key, dedupeId, i).toString(),
            new SignalOrder(commit, i))));
      } else {
        named.add(effect);
      }
    }
    return named;
  }

  /**
   * The update a signal's handler sees: type {@code signal} (a continuation's: {@code continuation}),
   * the sender (none for a {@code message} of null: a signal consumed unread), the session's last
   * chat and user.
   */
  private static Update signalUpdate(Session session, Signals.Message message, Instant now) {
    Map<String, Object> fields = new LinkedHashMap<>();
    boolean continuation = message != null && Continued.isContinuation(message.type());
    fields.put("update_type", continuation ? "continuation" : "signal");
    if (message != null) {
      fields.put("from", message.from());
    }
    fields.put("timestamp", now.toEpochMilli());
    if (session.chat != null) {
      fields.put("chat_id", session.chat);
    }
    if (session.user != null) {
      fields.put("user_id", session.user);
    }
    return new UnknownUpdate(fields);
  }

  /**
   * Hands out {@code first} (already decoded, still unchanged) once, then a freshly decoded copy
   * per call: a handler that failed may have changed its session, and recovery must start clean.
   */
  private Supplier<Session> firstThenFresh(Session first, String key, Optional<StoredSession> stored) {
    Session[] unused = {first};
    return () -> {
      Session session = unused[0] != null ? unused[0] : load(key, stored);
      unused[0] = null;
      return session;
    };
  }

  private Session load(String key, Optional<StoredSession> stored) {
    Session session = stored.map(s -> codec.decode(key, s.data())).orElseGet(codec::fresh);
    // Each decoded copy reads the chat data afresh: a recovery or a re-run must not see what a
    // failed or losing run changed.
    session.chatShare = new ChatShare(bot, store, chatCodec, ChatKeys.chatOf(key));
    return session;
  }

  /**
   * The update a job's handler sees: type {@code scene_timeout} for the scene timeout, else
   * {@code scheduled} with the job's name; the session's last chat and user.
   */
  private static Update jobUpdate(Session session, ScheduledJob job, Instant now) {
    Map<String, Object> fields = new LinkedHashMap<>();
    boolean timeout = Jobs.isTimeout(job.name());
    fields.put("update_type", timeout ? "scene_timeout" : "scheduled");
    if (!timeout) {
      fields.put("job", job.name());
    }
    fields.put("timestamp", now.toEpochMilli());
    if (session.chat != null) {
      fields.put("chat_id", session.chat);
    }
    if (session.user != null) {
      fields.put("user_id", session.user);
    }
    return new UnknownUpdate(fields);
  }
}
