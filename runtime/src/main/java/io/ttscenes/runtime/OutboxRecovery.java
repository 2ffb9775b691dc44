package io.ttscenes.runtime;

import io.ttscenes.runtime.engine.Dispatcher;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs outbox recovery for a {@link BotRuntime}: the full pass (crash-left store entries too) only
 * when recovery is enabled and this instance is the one that recovers (the poller lease holder
 * with long polling); otherwise only the entries this process parked, which recovery leaves to
 * it while its instance lease is held. Never throws; failures are logged and the next run tries
 * again.
 */
final class OutboxRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(BotRuntime.class);

  private final Dispatcher dispatcher;
  private final boolean enabled;
  private final BooleanSupplier recovers;

  OutboxRecovery(Dispatcher dispatcher, boolean enabled, BooleanSupplier recovers) {
    this.dispatcher = dispatcher;
    this.enabled = enabled;
    this.recovers = recovers;
  }

  void run(String why) {
    try {
      boolean full = enabled && recovers.getAsBoolean();
      CompletableFuture<Integer> sent = full ? dispatcher.recoverOutboxes() : dispatcher.retryParkedOutboxes();
      sent.whenComplete((count, error) -> {
        if (error != null) {
          LOG.warn("{} outbox recovery failed ({}); the next run tries again", why, error.getMessage());
        } else if (count > 0) {
          LOG.info("{} outbox recovery sent {} pending call(s)", why, count);
        }
      });
    } catch (IllegalStateException e) {
      LOG.debug("{} outbox recovery skipped: {}", why, e.getMessage());
    }
  }
}
