package io.ttscenes.runtime;

import io.ttscenes.api.Bot;
import io.ttscenes.api.client.BotApi;
import io.ttscenes.api.model.BotInfo;
import io.ttscenes.api.store.SessionStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.ttscenes.runtime.admin.AdminSettings;
import io.ttscenes.runtime.admin.BotAdmin;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.engine.RuntimeListener;
import io.ttscenes.runtime.engine.TimerPoller;
import io.ttscenes.runtime.ingress.Ingress;
import io.ttscenes.runtime.ingress.LongPollIngress;
import io.ttscenes.runtime.warmup.Warmup;
import io.ttscenes.runtime.warmup.WarmupSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running bot: its dispatcher, ingress (long polling or webhook, by {@link RuntimeConfig}),
 * scene timers and outbox recovery, with an explicit {@link #start()} and a graceful
 * {@link #close()}. Build one with {@link #create}, {@link #builder} or Guice's
 * {@link RuntimeModule}. Thread-safe; start and close at most once each.
 */
public final class BotRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BotRuntime.class);
  /** How long a claimed timer is hidden from other claimers; a dead claimer's wait out its end. */
  static final Duration TIMER_LEASE = Duration.ofSeconds(60);
  private static final int TIMER_BATCH = 100;
  /** How often outbox recovery runs by default; see {@link Builder#recoveryPeriod}. */
  static final Duration RECOVERY_PERIOD = Duration.ofSeconds(30);
  static final Duration MIN_RECOVERY_PERIOD = Duration.ofSeconds(1);
  static final Duration MAX_RECOVERY_PERIOD = Duration.ofHours(1);
  /**
   * How long a sent outbox entry may wait in the store for its session's next commit to clear it;
   * a crash re-sends at most what was sent within this window plus one {@link #CLEAR_PERIOD}.
   */
  static final Duration CLEAR_DELAY = Duration.ofSeconds(2);
  static final Duration CLEAR_PERIOD = Duration.ofSeconds(1);
  /** The lease that marks a store's keys as one bot's; renewed at every start, so it never lapses in use. */
  static final String IDENTITY_LEASE = "bot-identity";
  private static final Duration IDENTITY_TTL = Duration.ofDays(3650);

  private final RuntimeParts parts;
  private final Dispatcher dispatcher;
  private final Ingress ingress;
  private final TimerPoller timers;
  private final ScheduledExecutorService scheduler;
  private final Warmup warmup;
  private final Duration recoveryPeriod;
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile boolean closeRequested;
  private boolean started;
  private boolean closing;
  private BotAdmin admin;

  BotRuntime(RuntimeParts parts, WarmupSettings warmupSettings, Duration recoveryPeriod) {
    this.parts = parts;
    this.recoveryPeriod = recoveryPeriod;
    this.warmup = new Warmup(warmupSettings, parts.bot(), parts.store(), parts.config().parallelism());
    this.dispatcher = parts.dispatcher();
    this.ingress = parts.ingress();
    this.scheduler = parts.scheduler();
    this.timers = new TimerPoller(parts.store(), dispatcher, parts.clock(), TIMER_LEASE, TIMER_BATCH);
  }

  /**
   * A runtime for {@code bot} with everything taken from {@code config}: an {@code OkHttpBotApi}
   * and the store {@code REDIS_URL} names (opened by the {@code SessionStoreProvider} that
   * storage-redis registers), or an in-memory store without it. Throws
   * {@link IllegalStateException} when {@code REDIS_URL} is set but no store module takes it.
   */
  public static BotRuntime create(Bot bot, RuntimeConfig config) {
    return builder(bot, config).build();
  }

  /** Starts configuring a runtime for {@code bot}; unset parts are made from {@code config}. */
  public static Builder builder(Bot bot, RuntimeConfig config) {
    return new Builder(bot, config);
  }

  /**
   * Asks {@code GET /me} who the bot is: refuses to start on store keys another bot claimed, and
   * learns the bot's username when the Bot has none (so {@code /cmd@otherbot} is ignored); sends outboxes left pending by an earlier crash, starts the scene timer poller, periodic
   * outbox recovery and the clearing of sent outboxes of idle sessions (every second, those sent
   * at least 2 s ago), and the ingress. With long polling the ingress starts first: it tries to
   * take the poller lease, and only its holder recovers store outboxes (on taking the lease and
   * then periodically); other instances stand by. With webhooks every instance serves updates and
   * they elect the one that recovers store outboxes through the store lease {@code recovery}
   * (unless {@code TTSCENES_OUTBOX_RECOVERY=false}); closing releases it. Throws {@link IllegalStateException} when called
   * twice or after close; if the ingress cannot start, everything started is stopped and the error
   * thrown. Before any of that takes traffic the runtime warms up ({@link WarmupSettings}, set by
   * {@link Builder#warmup}): at most its budget, ended at once by {@link #close()}, after which
   * nothing is started.
   */
  public synchronized void start() {
    if (started || closing) {
      throw new IllegalStateException("bot runtime '" + parts.bot().name() + "' was already started or closed");
    }
    started = true;
    learnIdentity();
    warmup.run();
    if (closeRequested) {
      LOG.info("bot '{}' was closed while warming up; it does not start", parts.bot().name());
      return;
    }
    LOG.info("starting bot '{}' as instance {}: {}, store {}", parts.bot().name(), parts.instanceId(),
        ingress.describe(), parts.store().getClass().getSimpleName());
    boolean longPolling = ingress instanceof LongPollIngress;
    if (longPolling) {
      // The lease decides who recovers: starting tries to take it, and the holder recovers then,
      // before its first poll.
      parts.recovery().whileStarting(this::startIngress);
    } else {
      parts.recovery().start();
    }
    timers.start(scheduler, parts.config().timerPeriod());
    scheduler.scheduleWithFixedDelay(() -> parts.recovery().run("periodic"), recoveryPeriod.toMillis(),
        recoveryPeriod.toMillis(), TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(this::clearIdleOutboxes, CLEAR_PERIOD.toMillis(),
        CLEAR_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    if (!longPolling) {
      startIngress();
    }
    startAdmin();
    LOG.info("bot '{}' started", parts.bot().name());
  }

  /**
   * Asks {@code GET /me} who this bot is: claims the store's keys for its id (refusing to start,
   * with {@link IllegalStateException}, on keys another bot claimed: two bots with one name on
   * one Redis would share sessions, marker and outboxes) and learns its username when the Bot was
   * built without one, so that {@code /cmd@otherbot} in a group is left to the other bot. When
   * {@code GET /me} or the store fails, both checks are skipped with a warning.
   */
  private void learnIdentity() {
    BotInfo me;
    try {
      me = parts.api().getMyInfo();
    } catch (RuntimeException e) {
      LOG.warn("could not read bot '{}''s identity from GET /me ({}); its store keys are not checked"
          + " against other bots and commands addressed to any bot are handled", parts.bot().name(), e.getMessage());
      return;
    }
    claimStore(me.userId());
    learnUsername(me.username());
  }

  private void claimStore(long botId) {
    boolean ours;
    try {
      ours = parts.store().tryAcquireLease(IDENTITY_LEASE, "bot:" + botId, IDENTITY_TTL);
    } catch (RuntimeException e) {
      LOG.warn("bot '{}': could not check that the store's keys are its own ({})", parts.bot().name(), e.getMessage());
      return;
    }
    if (!ours) {
      close();
      throw new IllegalStateException("bot '" + parts.bot().name() + "' (id " + botId + " by GET /me) refuses "
          + "to start: its store keys are claimed by another bot, which would share its sessions, marker "
          + "and outboxes; give this bot its own TTSCENES_BOT_NAME (the key prefix)");
    }
  }

  private void learnUsername(String username) {
    if (parts.bot().username().isPresent()) {
      return;
    }
    if (username == null || username.isBlank()) {
      LOG.warn("GET /me gave bot '{}' no username; commands addressed to any bot are handled",
          parts.bot().name());
      return;
    }
    parts.dispatcher().learnUsername(username);
    LOG.info("bot '{}' is @{} (from GET /me)", parts.bot().name(), username);
  }

  /**
   * Shuts down gracefully within the configured shutdown timeout: stops taking updates (a page in
   * progress is finished and its marker stored), stops the timers, drains the lanes (their
   * outboxes are sent before this returns), then closes the store and API if this runtime created
   * or was given ownership of them. When the timeout runs out before the lanes drained, they are
   * stopped all the same: an update still running commits and sends nothing and is not
   * acknowledged (it is redelivered), and the instance lease is released, so another instance
   * recovers what this one left; once this returns, no thread of this runtime runs on or renews
   * a lease (a handler that ignores its interrupt can only finish its own code). Idempotent;
   * logs each step.
   */
  @Override
  public void close() {
    // Before taking the lock: a start that is warming up holds it, and must not delay a shutdown.
    closeRequested = true;
    warmup.cancel();
    synchronized (this) {
      if (closing) {
        return;
      }
      closing = true;
    }
    long start = System.nanoTime();
    Shutdown shutdown = new Shutdown(parts.config().shutdownTimeout());
    String name = parts.bot().name();
    LOG.info("stopping bot '{}' (deadline {} s): no new updates", name, parts.config().shutdownTimeout().toSeconds());
    boolean ingressDone = ingress.stop(shutdown.left());
    shutdown.stopScheduler(scheduler);
    boolean drained = dispatcher.drain(shutdown.left());
    LOG.info("bot '{}': ingress {}, lanes {}", name, ingressDone ? "stopped" : "stopped with work left",
        drained ? "drained and outboxes sent" : "not drained in time (unacknowledged updates are redelivered)");
    // After the drain: the entries this instance sends while draining are not another's to recover.
    parts.recovery().stop();
    // Drained or not: once close returns nothing of this instance may run, commit or renew its
    // lease; what was not drained is redelivered, and its entries recovered by another instance.
    dispatcher.close();
    parts.closeOwned();
    stopAdmin();
    LOG.info("bot '{}' stopped in {} ms", name, (System.nanoTime() - start) / 1_000_000);
    closed.countDown();
  }

  /**
   * Starts the runtime and blocks until it is closed: by a JVM shutdown (a hook calls
   * {@link #close()}, e.g. on SIGTERM) or by another thread. For a program's {@code main}.
   */
  public void runUntilShutdown() throws InterruptedException {
    Thread hook = new Thread(this::close, "ttscenes-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    start();
    closed.await();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down and the hook is what closed us.
    }
  }

  /** The ingress this runtime feeds from (a {@code LongPollIngress} or {@code WebhookIngress}). */
  public Ingress ingress() {
    return ingress;
  }

  /** The random id of this instance, logged at start; it owns the poller lease while it holds it. */
  public String instanceId() {
    return parts.instanceId();
  }

  /** The dispatcher, e.g. to submit updates that arrive some other way. */
  public Dispatcher dispatcher() {
    return dispatcher;
  }

  /** The registry the runtime's meters are in (a Prometheus one, fed to the user's registry too). */
  public MeterRegistry meterRegistry() {
    return parts.meters();
  }

  /** The admin endpoint's base URL, once started with {@code TTSCENES_ADMIN_PORT} set. */
  public synchronized Optional<String> adminUrl() {
    return Optional.ofNullable(admin).map(BotAdmin::url);
  }

  private void startAdmin() {
    if (!parts.admin().enabled()) {
      return;
    }
    try {
      admin = BotAdmin.start(parts.admin(), parts.http(), parts.bot(), parts.store(), ingress, dispatcher, parts.prometheus());
      LOG.info("bot '{}': admin endpoint at {} (/metrics, /health/ready, /graph, /funnels)",
          parts.bot().name(), admin.url());
    } catch (RuntimeException e) {
      LOG.error("bot '{}' could not start its admin endpoint: {}", parts.bot().name(), e.getMessage());
      close();
      throw e;
    }
  }

  private synchronized void stopAdmin() {
    if (admin != null) {
      admin.close();
    }
    parts.closeHttp();
  }

  private void startIngress() {
    try {
      ingress.start();
    } catch (RuntimeException e) {
      LOG.error("bot '{}' could not start its {}: {}", parts.bot().name(), ingress.describe(), e.getMessage());
      close();
      throw e;
    }
  }

  private void clearIdleOutboxes() {
    try {
      dispatcher.clearIdleOutboxes();
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again; the next pass must still happen.
      LOG.warn("clearing sent outboxes failed ({}); the next pass tries again", e.getMessage());
    }
  }

  /** Configures a {@link BotRuntime}; not thread-safe. */
  public static final class Builder {
    final Bot bot;
    final RuntimeConfig config;
    SessionStore store;
    boolean ownsStore;
    BotApi api;
    boolean ownsApi;
    Clock clock = Clock.systemUTC();
    RuntimeListener listener = RuntimeListener.NONE;
    MeterRegistry meterRegistry;
    AdminSettings admin = AdminSettings.fromEnvironment();
    WarmupSettings warmup = WarmupSettings.fromEnvironment();
    Duration recoveryPeriod = RECOVERY_PERIOD;

    private Builder(Bot bot, RuntimeConfig config) {
      this.bot = Objects.requireNonNull(bot, "bot");
      this.config = Objects.requireNonNull(config, "config");
    }

    /** The session store; {@code owned} means {@link #close()} closes it. Default: in-memory, owned. */
    public Builder store(SessionStore sessionStore, boolean owned) {
      this.store = Objects.requireNonNull(sessionStore, "store");
      this.ownsStore = owned;
      return this;
    }

    /** The Bot API client (not closed by the runtime). Default: OkHttpBotApi from the config. */
    public Builder api(BotApi botApi) {
      this.api = Objects.requireNonNull(botApi, "api");
      this.ownsApi = false;
      return this;
    }

    /** The clock for timeouts and timers (default system UTC). */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * A registry the runtime's meters also go to (default: only the runtime's own Prometheus
     * registry, which {@code /metrics} serves). A {@code PrometheusMeterRegistry} given here is
     * used as that registry.
     */
    public Builder meterRegistry(MeterRegistry registry) {
      this.meterRegistry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /** Where the admin endpoint listens (default: {@link AdminSettings#fromEnvironment()}). */
    public Builder admin(AdminSettings settings) {
      this.admin = Objects.requireNonNull(settings, "admin");
      return this;
    }

    /**
     * How the runtime warms up before its first poll (default: {@link WarmupSettings#fromEnvironment()},
     * the runtime's own rehearsal for up to 1 s; {@link WarmupSettings#disabled()} for none).
     */
    public Builder warmup(WarmupSettings settings) {
      this.warmup = Objects.requireNonNull(settings, "warmup");
      return this;
    }

    /**
     * How often the running bot looks for outbox entries no live process is sending (a crashed
     * instance's, or its own left by a store outage), when this instance may recover (see
     * {@code TTSCENES_OUTBOX_RECOVERY}): every 30 s by default. Shorter resends such replies
     * sooner and lists the store's pending entries more often. From 1 s to 1 h; throws
     * {@link IllegalArgumentException} otherwise.
     */
    public Builder recoveryPeriod(Duration period) {
      Objects.requireNonNull(period, "recoveryPeriod");
      if (period.compareTo(MIN_RECOVERY_PERIOD) < 0 || period.compareTo(MAX_RECOVERY_PERIOD) > 0) {
        throw new IllegalArgumentException("the recovery period is " + period + "; it must be from "
            + MIN_RECOVERY_PERIOD + " to " + MAX_RECOVERY_PERIOD);
      }
      this.recoveryPeriod = period;
      return this;
    }

    /** An extra observer of the engine; the runtime's own meters are always recorded. */
    public Builder listener(RuntimeListener value) {
      this.listener = Objects.requireNonNull(value, "listener");
      return this;
    }

    /** Builds the runtime; nothing runs until {@link BotRuntime#start()}. */
    public BotRuntime build() {
      return new BotRuntime(RuntimeParts.assemble(this), warmup, recoveryPeriod);
    }
  }
}
