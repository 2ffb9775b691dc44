package io.ttscenes.runtime.engine;

import io.ttscenes.runtime.client.Sleeper;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.api.Bot;
import io.ttscenes.api.client.BotApi;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.store.DeadLetter;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.runtime.json.WireJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a {@link Bot}: every submitted update goes to the lane of its session (one update of a
 * session at a time, in submission order; sessions in parallel), is handled, committed atomically
 * with its outbox and dedupe id, and then its outbox is sent. Thread-safe; one per bot and store.
 *
 * <p>The future of {@link #submit} completes normally only when the update is committed, its
 * outbox sent (or parked for a later retry when the API is unavailable) and it may be acknowledged
 * to TamTam; exceptionally when it must not be acknowledged. While the store is unavailable the
 * update is retried with backoff, keeping its lane's order, and its future stays pending.
 *
 * <p>Recorded Bot API calls are sent only after their commit, in order, and never twice by one
 * process; a crash between commit and send, or a call that failed ambiguously (timeout, 5xx) and
 * is retried later, makes delivery at-least-once. Handler exceptions are answered by the bot's
 * exception handlers (or its apology) and the update is still committed and acknowledged.
 */
public final class Dispatcher implements AutoCloseable {
  /**
   * How long the bot's code may run for one update unless {@link Builder#handlerDeadline} says
   * otherwise: 10 s, well inside the webhook's 25 s ack timeout, so an overrun update is still
   * answered (by the exception handler) within one delivery.
   */
  public static final Duration DEFAULT_HANDLER_DEADLINE = Duration.ofSeconds(10);

  private final Bot bot;
  private final Router router;
  private final Lanes lanes;
  private final Engine engine;
  private final Recovery recovery;
  private final SentOutboxes sent;
  private final DeadLetters deadLetters;
  private final Replay replay;
  private final SessionStore store;
  private final LeaseKeeper leaseKeeper;
  private final ExecutorService ownedExecutor;
  private final RuntimeListener listener;
  private final AtomicReference<String> learnedUsername = new AtomicReference<>();
  private final InFlightUpdates inFlight = new InFlightUpdates();
  private final HandlerDeadline deadline;

  private Dispatcher(Builder builder) {
    this.listener = builder.listener;
    this.bot = builder.bot;
    this.router = new Router(builder.bot.sessionKeys(), builder.bot.chatDataType().isPresent());
    ExecutorService executor = builder.executor;
    this.ownedExecutor = executor == null ? newExecutor(builder.bot.name(), builder.parallelism) : null;
    this.lanes = new Lanes(executor == null ? ownedExecutor : executor, executor == null, builder.queueCapacity,
        listener);
    this.deadline = new HandlerDeadline(builder.handlerDeadline, builder.bot.name());
    Signals signals = new Signals(builder.store, builder.mapper, builder.clock);
    Effects effects = new Effects(builder.api, listener, signals, builder.mapper, builder.clock);
    InstanceLease instanceLease = new InstanceLease(builder.store, builder.instanceId, builder.instanceLeaseTtl);
    this.deadLetters = new DeadLetters(builder.store, builder.mapper, builder.clock, listener, builder.logContent);
    this.sent = new SentOutboxes(builder.store, builder.clock, builder.clearDelay);
    OutboxCodec codec = new OutboxCodec(builder.mapper);
    Outboxes outboxes = new Outboxes(effects, sent, lanes::hasQueued, instanceLease::mayRetry, instanceLease::id,
        new Outboxes.GiveUp(builder.parkedLimits, deadLetters, codec, builder.clock));
    EngineSettings settings = new EngineSettings(builder.bot, builder.store, builder.api, builder.clock,
        builder.mapper, listener, builder.sleeper, builder.maxAttempts, builder.storeBackoff,
        builder.storeBackoffCap, this::username, builder.handlerDeadline);
    Attempts attempts = new Attempts(settings, codec, sent, instanceLease::id);
    this.engine = new Engine(settings, attempts, outboxes, sent, lanes, deadline);
    this.store = builder.store;
    this.replay = new Replay(builder.mapper, this::submit, outboxes, instanceLease::id, lanes);
    this.recovery = new Recovery(builder.store, outboxes, sent, codec, lanes, builder.clock, builder.recoveryMinAge,
        listener, instanceLease, builder.predecessor);
    builder.predecessor.ifPresent(instanceLease::freeDead);
    this.leaseKeeper = LeaseKeeper.start(instanceLease, outboxes, recovery, builder.instanceLeaseTtl);
    // Last, once every part is built: a signal delivered here wakes its target's lane.
    signals.onArrival(arrival -> queueInbox(arrival.target()));
  }

  /** Starts configuring a dispatcher for {@code bot} over {@code store} and {@code api}. */
  public static Builder builder(Bot bot, SessionStore store, BotApi api) {
    return new Builder(bot, store, api);
  }

  /**
   * Queues {@code update} on its session's lane and returns a future completed when it may be
   * acknowledged (see the class description). Blocks the caller while the lanes are full
   * (backpressure) instead of dropping (see {@link #trySubmit} for a bounded wait); throws
   * {@link IllegalStateException} after {@link #drain}/{@link #close} began. An update already
   * queued or running (the same session and dedupe id) is not queued again: its future is returned.
   */
  public CompletableFuture<Void> submit(Update update) {
    Objects.requireNonNull(update, "update");
    Routed routed = router.route(update);
    CompletableFuture<Void> done = new CompletableFuture<>();
    Optional<CompletableFuture<Void>> earlier = inFlight.join(routed, done);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    listener.updateReceived(update.updateType());
    try {
      lanes.submit(routed.key(), () -> engine.handle(routed, done));
    } catch (RuntimeException e) {
      inFlight.notQueued(routed, done);
      throw e;
    }
    return done;
  }

  /**
   * As {@link #submit}, but waits at most {@code timeout} for room in the lanes: returns the
   * update's future, or empty when the lanes stayed full that long (or the calling thread was
   * interrupted, whose flag is then kept); an empty answer queued nothing. For callers that must
   * answer within a deadline, such as the webhook: a TamTam retry of an update still in its lane
   * gets that update's future and takes no place. Throws {@link IllegalStateException} after
   * {@link #drain}/{@link #close} began.
   */
  public Optional<CompletableFuture<Void>> trySubmit(Update update, Duration timeout) {
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(timeout, "timeout");
    Routed routed = router.route(update);
    CompletableFuture<Void> done = new CompletableFuture<>();
    Optional<CompletableFuture<Void>> earlier = inFlight.join(routed, done);
    if (earlier.isPresent()) {
      return earlier;
    }
    boolean queued = false;
    try {
      queued = lanes.trySubmit(routed.key(), () -> engine.handle(routed, done), timeout);
    } finally {
      if (!queued) {
        inFlight.notQueued(routed, done);
      }
    }
    if (!queued) {
      // Not queued: TamTam delivers it again, and it is counted then.
      return Optional.empty();
    }
    listener.updateReceived(update.updateType());
    return Optional.of(done);
  }

  /**
   * Sets the username that commands such as {@code /cmd@name} are compared with when the
   * {@link Bot} was built without one (the runtime learns it from {@code GET /me} at start-up);
   * ignored when the Bot has its own. Thread-safe; updates routed afterwards see it.
   */
  public void learnUsername(String username) {
    if (username.isBlank()) {
      throw new IllegalArgumentException("username is blank");
    }
    learnedUsername.set(username.startsWith("@") ? username.substring(1) : username);
  }

  private Optional<String> username() {
    return bot.username().or(() -> Optional.ofNullable(learnedUsername.get()));
  }

  /**
   * Gives up on {@code update}, which failed too many times in a row ({@code error} says how):
   * keeps it in the store as a dead letter, counts it and logs it (its content only when
   * {@link Builder#logContent} is on). A store failure is logged, not thrown. Thread-safe.
   */
  public void deadLettered(Update update, String error) {
    deadLetters.update(Objects.requireNonNull(update, "update"), Objects.requireNonNull(error, "error"));
  }

  /**
   * Gives up on a request {@code body} that is not an update ({@code error} says why): keeps it
   * (its first {@value DeadLetters#UNREADABLE_KEPT} chars) as a dead letter that is never
   * replayed, counts and logs it as {@link #deadLettered(Update, String)} does. Thread-safe.
   */
  public void deadLetteredBody(String body, String error) {
    deadLetteredBody("unreadable", body, error);
  }

  /**
   * As {@link #deadLetteredBody(String, String)} for an update of {@code type} (its
   * {@code update_type}, as counted) that cannot be read, such as one of a polled page.
   */
  public void deadLetteredBody(String type, String body, String error) {
    deadLetters.unreadable(Objects.requireNonNull(type, "type"), Objects.requireNonNull(body, "body"),
        Objects.requireNonNull(error, "error"));
  }

  /** Returns up to {@code limit} kept dead letters of this bot, oldest first (see {@link SessionStore#deadLetters}). */
  public List<DeadLetter> deadLetters(int limit) {
    return store.deadLetters(limit);
  }

  /**
   * Takes dead letter {@code id} from the store (so it is replayed once, whoever else tries) and
   * puts it back through the normal path: an update is submitted to its session's lane, a reply's
   * unsent calls are sent on its session's lane (parked and bounded again while the API fails).
   * Returns empty when no letter has that id, else a future completed when the update may be
   * acknowledged or the reply was sent or parked; a replay that fails keeps the letter again.
   *
   * @throws IllegalArgumentException if the letter is an unreadable body (it stays kept) or its
   *     payload cannot be read
   */
  public Optional<CompletableFuture<Void>> replayDeadLetter(String id) {
    Optional<DeadLetter> taken = store.takeDeadLetter(Objects.requireNonNull(id, "id"));
    return taken.map(letter -> {
      try {
        return replay.start(letter).whenComplete((ok, failed) -> {
          if (failed != null) {
            store.addDeadLetter(letter);
          }
        });
      } catch (RuntimeException e) {
        store.addDeadLetter(letter);
        throw e;
      }
    });
  }

  /**
   * Queues the handling of a signal just delivered to session {@code sessionKey} on its lane,
   * without waiting for room: when the lanes are full or closing, the timer the delivery made due
   * brings it instead (on this or another instance).
   */
  private void queueInbox(String sessionKey) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      lanes.trySubmit(sessionKey, () -> engine.handleInbox(sessionKey, done), Duration.ZERO);
    } catch (IllegalStateException closing) {
      // The timer brings it to whichever instance claims it next.
    }
  }

  /**
   * Queues the firing of session {@code sessionKey}'s timer on its lane: its earliest due
   * scheduled job (or scene timeout) runs; without one the timer is moved to the session's next
   * job or removed. Same blocking rules as {@link #submit}.
   */
  public CompletableFuture<Void> submitTimer(String sessionKey) {
    Objects.requireNonNull(sessionKey, "sessionKey");
    CompletableFuture<Void> done = new CompletableFuture<>();
    lanes.submit(sessionKey, () -> engine.handleTimer(sessionKey, done));
    return done;
  }

  /**
   * As {@link #submitTimer(String)} for a timer claimed with {@link
   * io.ttscenes.api.store.SessionStore#claimDueTimers} until {@code claimedUntil} (claim time plus
   * lease): the fired timer is then moved or removed only while it still holds that lease end, so
   * a timer a commit or another instance set meanwhile survives.
   */
  public CompletableFuture<Void> submitTimer(String sessionKey, Instant claimedUntil) {
    Objects.requireNonNull(sessionKey, "sessionKey");
    Optional<Instant> claim = Optional.of(claimedUntil);
    CompletableFuture<Void> done = new CompletableFuture<>();
    lanes.submit(sessionKey, () -> engine.handleTimer(sessionKey, claim, done));
    return done;
  }

  /**
   * Sends outbox entries left pending by a crash between commit and send (older than the
   * configured minimum age, so entries another live instance is sending are left alone, and only
   * those of instances whose lease is gone, see {@link Builder#instanceId}) and retries entries
   * parked by this dispatcher after the API was unavailable; returns a future of how many entries
   * were sent. Call it at start-up and then periodically (e.g. every 30 s); with
   * several instances, from one of them (the poller leader), since two instances recovering the
   * same old entry at once could both send it.
   */
  public CompletableFuture<Integer> recoverOutboxes() {
    return recovery.run(true);
  }

  /**
   * Tells the recovery passes under way that this instance lost the lease that made it the
   * recovering one (the poller lease, or an election's): from now on they send no more store
   * entries and leave them to the instance that took the lease (another owner's entries once the
   * claim a pass took on that owner is let go unused: once the entries of that owner this
   * instance sent are cleared from the store, see {@link Builder#clearSentOutboxesAfter}, and then
   * within about two renewal periods of the instance lease). Entries already sent are sent once,
   * as ever; passes started later run as usual. Thread-safe.
   */
  public void stopOutboxRecovery() {
    recovery.standDown();
  }

  /**
   * Retries only the outbox entries this dispatcher parked after the API was unavailable; returns
   * a future of how many were sent. For instances that leave {@link #recoverOutboxes} to another
   * one: recovery leaves an entry to the instance that parked it while that instance holds its
   * lease; one that lost it retires the entries parked under it, as the recovering one sends them.
   */
  public CompletableFuture<Integer> retryParkedOutboxes() {
    return recovery.run(false);
  }

  /**
   * Clears from the store the outbox entries this dispatcher sent at least the delay set by
   * {@link Builder#clearSentOutboxesAfter} ago and that no later commit of their session cleared;
   * returns how many. Call it periodically (e.g. every second) when that delay is set; with no
   * delay there is rarely anything to clear. Safe from any thread; a store failure ends the pass
   * early and the rest wait for the next one (an entry left behind is cleared by recovery, never
   * re-sent by this dispatcher).
   */
  public int clearIdleOutboxes() {
    return sent.clearIdle();
  }

  /**
   * Returns how many lane tasks (updates, signals delivered in this process, fired timers) are
   * queued or running now; 0 when this dispatcher has nothing in hand. For tests and health checks.
   */
  public int queuedTasks() {
    return lanes.depth();
  }

  /**
   * Whether the lanes are saturated: every place is taken, or an ingress is blocked waiting for
   * room. Readiness checks report such an instance as not ready. Thread-safe.
   */
  public boolean saturated() {
    return lanes.isFull() || lanes.hasBlockedSubmitters();
  }

  /**
   * Stops accepting updates and waits up to {@code timeout} for queued and running ones to
   * finish; returns whether they all did. Updates still waiting for the store fail (not acked).
   * Once drained, every sent outbox entry still in the store is cleared (best effort), so a
   * restart does not send it again.
   */
  public boolean drain(Duration timeout) {
    boolean drained = lanes.drain(timeout);
    if (drained) {
      sent.clearAllSent();
    }
    return drained;
  }

  /**
   * Drains for up to 30 seconds (none more when {@link #drain} ran already, so a caller's own
   * shutdown deadline holds), then stops, drained or not: once this returns no run of this
   * dispatcher commits or sends (an update left over is not acknowledged and is redelivered), the
   * entries it sent are cleared from the store (best effort, drained or not), its
   * instance lease is released and no longer renewed (so another instance recovers its entries
   * at once), and the threads it created are stopped. Idempotent.
   */
  @Override
  public void close() {
    if (!lanes.isClosing()) {
      drain(Duration.ofSeconds(30));
    }
    lanes.stop();
    // Drained or not: what this process sent leaves the store before its lease and claims go, or
    // the instance recovering them (a restart of this one sends them whatever their age) would
    // send it again. A drain that ran out of time cleared nothing; after a full one this is a no-op.
    sent.clearAllSent();
    // After the drain: entries still parked are left, under a released lease, to recovery.
    leaseKeeper.close();
    deadline.close();
    if (ownedExecutor != null) {
      ownedExecutor.shutdownNow();
    }
  }

  private static ExecutorService newExecutor(String botName, int parallelism) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(parallelism, runnable -> {
      Thread thread = new Thread(runnable, "ttscenes-" + botName + "-lane-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Configures a {@link Dispatcher}; every setting but the three required ones has a default. */
  public static final class Builder {
    private final Bot bot;
    private final SessionStore store;
    private final BotApi api;
    private Clock clock = Clock.systemUTC();
    // Lanes mostly wait for the store and the API, so they outnumber the CPUs.
    private int parallelism = Math.max(4, Runtime.getRuntime().availableProcessors() * 4);
    private int queueCapacity = 1024;
    private ExecutorService executor;
    private RuntimeListener listener = RuntimeListener.NONE;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private ObjectMapper mapper = WireJson.MAPPER;
    private int maxAttempts = 5;
    private Duration storeBackoff = Duration.ofMillis(200);
    private Duration storeBackoffCap = Duration.ofSeconds(10);
    private Duration recoveryMinAge = Duration.ofSeconds(60);
    private Duration clearDelay = Duration.ZERO;
    private String instanceId = UUID.randomUUID().toString();
    private Duration instanceLeaseTtl = Duration.ofSeconds(15);
    private Duration handlerDeadline = DEFAULT_HANDLER_DEADLINE;
    private Optional<String> predecessor = Optional.empty();
    private ParkedLimits parkedLimits = ParkedLimits.DEFAULT;
    private boolean logContent;

    private Builder(Bot bot, SessionStore store, BotApi api) {
      this.bot = Objects.requireNonNull(bot, "bot");
      this.store = Objects.requireNonNull(store, "store");
      this.api = Objects.requireNonNull(api, "api");
    }

    /** Sets the clock for timeouts, outbox ages and {@code ctx.now()} (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Sets how many sessions are handled at once (default: 4 per CPU, at least 4). */
    public Builder parallelism(int parallelism) {
      this.parallelism = positive("parallelism", parallelism);
      return this;
    }

    /** Sets how many updates may wait in all lanes before {@code submit} blocks (default 1024). */
    public Builder queueCapacity(int capacity) {
      this.queueCapacity = positive("queueCapacity", capacity);
      return this;
    }

    /**
     * Runs lanes on {@code executor} instead of own threads; it must accept every task (an
     * unbounded queue: lanes bound the work themselves) and is not shut down by {@link #close}.
     */
    public Builder executor(ExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** Sets the observer of updates, commits, API calls and retries. */
    public Builder listener(RuntimeListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Sets how retries wait (default: {@link Sleeper#SYSTEM}). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets the mapper for session data and outboxes (default: {@link WireJson#MAPPER}, shared). It also
     * writes the bodies of replies, which an {@code AnswerlessWrites} client sends as written, so
     * it must write the wire model as the client's mapper does (start from {@link WireJson#create()}).
     * It must also ignore unknown properties, as that one does: during a rolling deploy this
     * release reads inbox and outbox entries a later release wrote with fields it does not know
     * (a signal's {@code order} did this), and a mapper that refuses them drops such a signal as
     * unreadable.
     */
    public Builder mapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /** The mapper set so far (or the default). */
    ObjectMapper mapper() {
      return mapper;
    }

    /** Sets how many times a conflicting commit is re-run before the update fails (default 5). */
    public Builder maxCommitAttempts(int attempts) {
      this.maxAttempts = positive("maxCommitAttempts", attempts);
      return this;
    }

    /** Sets the first and the longest wait between retries while the store is down. */
    public Builder storeBackoff(Duration first, Duration cap) {
      this.storeBackoff = Objects.requireNonNull(first, "first");
      this.storeBackoffCap = Objects.requireNonNull(cap, "cap");
      return this;
    }

    /** Sets how old a pending outbox must be before {@link #recoverOutboxes} sends it (default 60 s). */
    public Builder recoveryMinAge(Duration age) {
      this.recoveryMinAge = Objects.requireNonNull(age, "age");
      return this;
    }

    /**
     * Lets a sent outbox entry stay in the store until its session's next commit clears it, or
     * until {@link Dispatcher#clearIdleOutboxes} finds it older than {@code delay}; saves a store
     * call per update. The price: a crash re-sends what was sent within the delay. Default zero:
     * an entry is cleared right after sending unless more updates of its session are queued.
     */
    public Builder clearSentOutboxesAfter(Duration delay) {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("clearSentOutboxesAfter is " + delay + "; it must be >= 0");
      }
      this.clearDelay = delay;
      return this;
    }

    /**
     * Sets the id of this instance (default: a random UUID) and the TTL of its store lease
     * {@code instance:<id>} (default 15 s; renewed every third of it by a thread of the
     * dispatcher). The id is stamped on every outbox entry; while its lease is held, no other
     * instance's {@link Dispatcher#recoverOutboxes} sends this one's entries.
     */
    public Builder instanceId(String id, Duration leaseTtl) {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(leaseTtl, "leaseTtl");
      if (id.isBlank()) {
        throw new IllegalArgumentException("instanceId is blank; it must have a visible character");
      }
      if (leaseTtl.toMillis() < 3) {
        throw new IllegalArgumentException("instance lease ttl is " + leaseTtl + "; it must be at least 3 ms");
      }
      this.instanceId = id;
      this.instanceLeaseTtl = leaseTtl;
      return this;
    }

    /**
     * Sets how long the bot's code (middleware, handlers, hooks) may run for one update, timer or
     * signal (default {@link #DEFAULT_HANDLER_DEADLINE}). Past it (the watchdog looks every tenth
     * of it, at most every 250 ms) the thread is interrupted, nothing it recorded is sent, and the update goes to the exception handler for
     * {@link io.ttscenes.api.HandlerTimeoutException} (else the apology), so its session and all
     * others go on; should the thread come back later, its result is dropped.
     *
     * @throws IllegalArgumentException if {@code deadline} is under 1 ms
     */
    public Builder handlerDeadline(Duration deadline) {
      Objects.requireNonNull(deadline, "deadline");
      if (deadline.toMillis() < 1) {
        throw new IllegalArgumentException("handler deadline is " + deadline + "; it must be at least 1 ms");
      }
      this.handlerDeadline = deadline;
      return this;
    }

    /**
     * Bounds the retries of a reply parked after retryable API failures: once {@code attempts}
     * sends in a row failed on the same call of it, or {@code age} passed since its first send, it is dead-lettered (kept in
     * the store, see {@link Dispatcher#deadLetters}) and the session's later replies go on.
     * Default 30 attempts or one hour (about 15 minutes at the runtime's 30-second retries).
     */
    public Builder parkedReplyLimits(int attempts, Duration age) {
      this.parkedLimits = new ParkedLimits(attempts, age);
      return this;
    }

    /**
     * Names {@code deadInstanceId}, an earlier process of this instance that is known to be gone
     * (the runtime proves it with an OS lock, see {@code InstanceSlot}): its instance lease is
     * freed at once and {@link Dispatcher#recoverOutboxes} sends its entries whatever their age,
     * so users it committed but never answered are answered right after the restart. Never name a
     * process that may still run: two senders could then both send its entries.
     */
    public Builder predecessor(String deadInstanceId) {
      Objects.requireNonNull(deadInstanceId, "deadInstanceId");
      if (deadInstanceId.isBlank()) {
        throw new IllegalArgumentException("predecessor is blank; it must have a visible character");
      }
      this.predecessor = Optional.of(deadInstanceId);
      return this;
    }

    /**
     * Whether dead letters are logged with their content (a user's text, contact or location):
     * off by default, so personal data stays out of logs; the store keeps the content either way.
     * For debugging only.
     */
    public Builder logContent(boolean enabled) {
      this.logContent = enabled;
      return this;
    }

    /** Builds the dispatcher and takes its instance lease; it handles from the first {@code submit}. */
    public Dispatcher build() {
      return new Dispatcher(this);
    }

    private static int positive(String name, int value) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " is " + value + "; it must be >= 1");
      }
      return value;
    }
  }
}
