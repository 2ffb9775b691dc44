package io.ttscenes.runtime.warmup;

import io.ttscenes.api.Bot;
import io.ttscenes.api.store.SessionStore;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms a bot's runtime up before it takes traffic, so its first users do not wait for class
 * loading and JIT compilation: synthetic users are taken through a rehearsal (the runtime's own
 * wizard, or the bot's handlers when {@link WarmupSettings#rehearseHandlers()}) on a dispatcher of
 * its own over an in-memory store and a Bot API answered inside the process, while the real
 * store is read (never written) to open its connections. Nothing is sent and nothing is stored
 * outside the process. Bounded by {@link WarmupSettings#budget()}; {@link #cancel()} ends it at once.
 */
public final class Warmup {
  /**
   * How many synthetic users (four updates each) a warm-up takes at most: enough for C1 to compile
   * the update path (a method is compiled after about 200 calls); a warm JVM gets through them in
   * tens of milliseconds, a cold one stops at the budget.
   */
  public static final int USERS = 256;
  private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);
  private static final int BATCH = 32;
  private static final int MAX_STORE_READERS = 8;

  private final WarmupSettings settings;
  private final Bot bot;
  private final SessionStore store;
  private final int parallelism;
  private final CompletableFuture<Void> cancelled = new CompletableFuture<>();

  /** A warm-up of {@code bot}, reading {@code store}, with as many lanes as the bot's dispatcher has. */
  public Warmup(WarmupSettings settings, Bot bot, SessionStore store, int parallelism) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.bot = Objects.requireNonNull(bot, "bot");
    this.store = Objects.requireNonNull(store, "store");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism is " + parallelism + "; it must be >= 1");
    }
    this.parallelism = parallelism;
  }

  /**
   * What a warm-up did.
   *
   * @param updates synthetic updates handled by the rehearsal
   * @param storeReads reads of the real store
   * @param took how long it ran
   */
  public record Result(int updates, int storeReads, Duration took) {}

  /**
   * Runs the warm-up on the calling thread for at most the budget (or until {@link #cancel()});
   * never throws: a rehearsal that fails is logged and the start goes on.
   */
  public Result run() {
    if (!settings.enabled() || cancelled.isDone()) {
      return new Result(0, 0, Duration.ZERO);
    }
    long start = System.nanoTime();
    long deadline = start + settings.budget().toNanos();
    StoreProbe probe = StoreProbe.start(store, Math.min(parallelism, MAX_STORE_READERS), deadline, cancelled);
    int updates = rehearse(deadline);
    int reads = 0;
    try {
      reads = probe.await(deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Result result = new Result(updates, reads, Duration.ofNanos(System.nanoTime() - start));
    LOG.info("bot '{}' warmed up in {} ms: {} synthetic updates through {} handlers, {} store reads;"
        + " nothing sent or stored", bot.name(), result.took().toMillis(), updates,
        settings.rehearseHandlers() ? "its own" : "the runtime's", reads);
    return result;
  }

  /** Ends a running warm-up at once (e.g. the bot is closing); a later {@link #run()} does nothing. */
  public void cancel() {
    cancelled.complete(null);
  }

  private int rehearse(long deadline) {
    Rehearsal rehearsal = null;
    try {
      Bot actor = settings.rehearseHandlers() ? bot : RehearsalBot.create(bot.name());
      rehearsal = new Rehearsal(actor, parallelism, settings.budget(), BATCH);
      int updates = rehearsal.run(USERS, deadline, cancelled);
      if (rehearsal.handlerFailures() > 0) {
        LOG.warn("bot '{}': a handler failed on {} synthetic update(s) of the warm-up (logged above), so the"
            + " rehearsal stopped there; the bot starts as usual", bot.name(), rehearsal.handlerFailures());
      }
      return updates;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } catch (RuntimeException e) {
      LOG.warn("bot '{}': the warm-up failed ({}); the bot starts without it", bot.name(), e.toString());
      return 0;
    } finally {
      closeInBackground(rehearsal);
    }
  }

  /** A handler still running past the deadline must not hold the start up: its lanes stop apart. */
  private void closeInBackground(Rehearsal rehearsal) {
    if (rehearsal == null) {
      return;
    }
    Thread closer = new Thread(rehearsal::close, "ttscenes-warm-up-close");
    closer.setDaemon(true);
    closer.start();
  }
}
