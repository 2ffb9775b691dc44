package io.ttscenes.runtime.ingress;

import io.ttscenes.api.client.BotApi;
import io.ttscenes.api.client.UpdatesRequest;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.client.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Receives updates by long polling ({@code GET /updates}) on one background thread. Every update
 * of a page is submitted to the dispatcher, and the page's marker is passed to the next poll, and
 * stored with {@link SessionStore#saveMarker} (at most once per
 * {@link Builder#markerSaveInterval}), only after every update of the page was acknowledged;
 * updates that failed are submitted again (dedupe makes re-running committed ones harmless) with
 * backoff before the marker moves. After a restart polling resumes from
 * {@link SessionStore#loadMarker()}. A full lane blocks the poll thread, so polling slows down
 * instead of piling up updates.
 *
 * <p>One slow update does not hold back the users after it: when a page with room left is not
 * all done within {@link Builder#pollAgainAfter} (default 100 ms), the ingress polls again from
 * the same, unmoved marker. TamTam answers with the same updates (still unread) plus any new
 * ones; those in hand are waited for, not submitted again, and the new ones run at once. The
 * marker moves (and is stored) only to the end of a page whose updates are all done, so it never
 * passes an update that is not committed or dead-lettered: a crash re-delivers exactly what may
 * not be done, and dedupe skips what was. A full page is waited for as before, since polling
 * again from the same marker could only return the same updates; so at most
 * {@link Builder#limit} - 1 updates run past one slow update.
 *
 * <p>Polling never stops on its own: failed polls, malformed answers and an unavailable store are
 * logged with the time of the next try and retried with exponential backoff (capped). A rejected
 * token (HTTP 401) is logged as an error and retried slowly ({@link Builder#unauthorizedRetry}),
 * since stopping would leave a bot silently dead; operators see the error in the logs.
 *
 * <p>With several instances of one bot, give each a {@link Builder#lease lease}: an instance then
 * polls only while it holds the store lease {@code poller}, and stands by otherwise (see
 * {@link #holdsLease()}); whoever must act on gaining it subscribes to the {@link PollerLease}. Updates of a page the old holder is still finishing when another
 * instance takes over may be delivered twice; dedupe recognises them, and the stored marker only
 * moves forward.
 *
 * <p>One order caveat: if an update fails while a later update of the same session succeeds, the
 * re-run of the failed one comes after it. It is never lost.
 */
public final class LongPollIngress implements Ingress {
  private final PollSettings settings;
  private final String threadName;
  private final Lifecycle lifecycle = new Lifecycle();
  private final PollLoop loop;
  private final PollGate gate;
  private final AtomicBoolean started = new AtomicBoolean();

  private LongPollIngress(Builder builder) {
    this.settings = new PollSettings(builder.api, builder.dispatcher, builder.store,
        builder.request, new Backoff(builder.backoffFirst, builder.backoffCap),
        builder.unauthorizedRetry, builder.sleeper, builder.clock, builder.deadLetterAfter,
        builder.pollAgainAfter, builder.markerSaveInterval);
    this.threadName = builder.threadName;
    this.gate = builder.lease == null ? PollGate.ALWAYS : builder.lease;
    this.loop = new PollLoop(settings, lifecycle, gate);
  }

  /** Starts configuring long polling of {@code api} into {@code dispatcher}, keeping the marker in {@code store}. */
  public static Builder builder(BotApi api, Dispatcher dispatcher, SessionStore store) {
    return new Builder(api, dispatcher, store);
  }

  /**
   * Starts the poll thread (a daemon named after the bot); with a lease, first tries to take it on
   * the calling thread, then keeps it on a daemon thread of its own. Throws
   * {@link IllegalStateException} when called twice.
   */
  @Override
  public void start() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("long polling was already started");
    }
    gate.start();
    Thread thread = new Thread(loop, threadName);
    thread.setDaemon(true);
    lifecycle.started(thread);
    thread.start();
  }

  /**
   * Stops fetching new pages. A page whose updates are in the lanes is waited for (up to
   * {@code deadline}) so that its marker is stored; a poll in progress is abandoned, and whatever
   * it returns is not processed (its marker is never passed, so TamTam delivers it again).
   */
  @Override
  public boolean stop(Duration deadline) {
    Objects.requireNonNull(deadline, "deadline");
    boolean done = lifecycle.stop(deadline);
    // After the page in progress, so the instance taking over starts from its stored marker.
    loop.storeHeldMarker();
    gate.stop();
    return done;
  }

  @Override
  public boolean receiving() {
    return lifecycle.isRunning();
  }

  /**
   * Whether this instance polls now: it holds the poller lease, or it runs without one. Thread-safe;
   * the answer may change at any time while a lease is in use.
   */
  public boolean holdsLease() {
    return gate.isOpen();
  }

  /** The marker after the last fully acknowledged page; empty until one is known. */
  public OptionalLong acknowledgedMarker() {
    return loop.acknowledgedMarker();
  }

  @Override
  public String describe() {
    UpdatesRequest request = settings.request();
    return "long polling (" + request.limit() + " updates per page, " + request.timeoutSeconds()
        + " s poll timeout" + (gate instanceof PollerLease lease ? ", " + lease.describe() : "") + ")";
  }

  /** Configures a {@link LongPollIngress}; every setting but the three required ones has a default. */
  public static final class Builder {
    // Well inside the dedupe window, so what a crash re-reads is always recognised.
    private static final Duration MAX_MARKER_SAVE_INTERVAL = Duration.ofSeconds(30);
    private final BotApi api;
    private final Dispatcher dispatcher;
    private final SessionStore store;
    private UpdatesRequest request = UpdatesRequest.defaults();
    private Duration backoffFirst = Duration.ofMillis(500);
    private Duration backoffCap = Duration.ofSeconds(60);
    private Duration unauthorizedRetry = Duration.ofMinutes(5);
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Clock clock = Clock.systemUTC();
    private String threadName = "ttscenes-long-poll";
    private int deadLetterAfter = 10;
    private Duration pollAgainAfter = Duration.ofMillis(100);
    private PollerLease lease;
    private Duration markerSaveInterval = Duration.ofSeconds(1);

    private Builder(BotApi api, Dispatcher dispatcher, SessionStore store) {
      this.api = Objects.requireNonNull(api, "api");
      this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
      this.store = Objects.requireNonNull(store, "store");
    }

    /** At most {@code limit} updates per page (1..1000, default 100): the bound on in-flight work. */
    public Builder limit(int limit) {
      request = request.withLimit(limit);
      return this;
    }

    /** How long one poll waits for updates (0..90 s, default 30). */
    public Builder timeoutSeconds(int seconds) {
      request = request.withTimeoutSeconds(seconds);
      return this;
    }

    /** Only these update types are fetched (default: all). */
    public Builder types(Set<String> types) {
      request = request.withTypes(types);
      return this;
    }

    /** The first wait after a failure and the longest one (defaults 500 ms and 60 s). */
    public Builder backoff(Duration first, Duration cap) {
      this.backoffFirst = Objects.requireNonNull(first, "first");
      this.backoffCap = Objects.requireNonNull(cap, "cap");
      new Backoff(first, cap);
      return this;
    }

    /** The wait between tries while TamTam rejects the token with 401 (default 5 minutes). */
    public Builder unauthorizedRetry(Duration wait) {
      if (wait.isNegative() || wait.isZero()) {
        throw new IllegalArgumentException("unauthorized retry is " + wait + "; it must be positive");
      }
      this.unauthorizedRetry = wait;
      return this;
    }

    /** How backoff waits (default {@link Sleeper#SYSTEM}; {@link #stop} interrupts it). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The clock for the "next try at" times in logs. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The poll thread's name (default {@code ttscenes-long-poll}). */
    public Builder threadName(String name) {
      this.threadName = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * How many times in a row one update may fail (each retry after the backoff) before it is
     * dead-lettered: logged at ERROR with its JSON, reported to the dispatcher's listener, and
     * skipped so the marker moves on (default 10).
     *
     * @throws IllegalArgumentException if {@code attempts} is below 1
     */
    public Builder deadLetterAfter(int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("deadLetterAfter is " + attempts + "; it must be >= 1");
      }
      this.deadLetterAfter = attempts;
      return this;
    }

    /**
     * How long a page with room left may wait for its slowest update before the ingress polls
     * again from the same marker, so updates after it run meanwhile (default 100 ms). It bounds
     * how late a new update is picked up while an earlier one is slow; each such poll costs one
     * request that returns the updates still in hand.
     *
     * @throws IllegalArgumentException if {@code wait} is under 1 ms
     */
    public Builder pollAgainAfter(Duration wait) {
      Objects.requireNonNull(wait, "wait");
      if (wait.toMillis() < 1) {
        throw new IllegalArgumentException("pollAgainAfter is " + wait + "; it must be at least 1 ms");
      }
      this.pollAgainAfter = wait;
      return this;
    }

    /**
     * The least time between two stores of a moved marker (default 1 s; zero stores it after
     * every page). At a steady trickle each page holds one or two updates, and storing each
     * page's marker was a store round trip for most updates; a marker held back is stored with the
     * next page after the interval, with the next empty poll, and on stop or a lost lease. A crash
     * then re-reads at most the updates of the last interval (or of one poll timeout when traffic
     * stopped meanwhile), which dedupe skips: both stay well inside
     * {@link SessionStore#RECENT_UPDATE_WINDOW}.
     *
     * @throws IllegalArgumentException if {@code interval} is negative or longer than 30 s
     */
    public Builder markerSaveInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative() || interval.compareTo(MAX_MARKER_SAVE_INTERVAL) > 0) {
        throw new IllegalArgumentException("markerSaveInterval is " + interval
            + "; it must be between 0 and " + MAX_MARKER_SAVE_INTERVAL.toSeconds() + " s");
      }
      this.markerSaveInterval = interval;
      return this;
    }

    /**
     * Polls only while this instance holds {@code lease} (see {@link PollerLease#create}), standing
     * by otherwise; the ingress starts the lease with itself and releases it when it stops. Without
     * this call the ingress polls unconditionally: the only poller of its bot.
     */
    public Builder lease(PollerLease lease) {
      this.lease = Objects.requireNonNull(lease, "lease");
      return this;
    }

    /** Builds the ingress; nothing happens until {@link LongPollIngress#start()}. */
    public LongPollIngress build() {
      return new LongPollIngress(this);
    }
  }
}
