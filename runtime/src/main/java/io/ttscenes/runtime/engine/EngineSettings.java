package io.ttscenes.runtime.engine;

import io.ttscenes.runtime.client.Sleeper;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.api.Bot;
import io.ttscenes.api.client.BotApi;
import io.ttscenes.api.store.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the engine is built from; assembled by {@link Dispatcher.Builder}. {@code username} is the
 * bot's username as routing sees it: the Bot's own, else the one learned at start-up;
 * {@code handlerDeadline} how long the bot's code may run for one job.
 */
record EngineSettings(
    Bot bot,
    SessionStore store,
    BotApi api,
    Clock clock,
    ObjectMapper mapper,
    RuntimeListener listener,
    Sleeper sleeper,
    int maxCommitAttempts,
    Duration storeBackoff,
    Duration storeBackoffCap,
    Supplier<Optional<String>> username,
    Duration handlerDeadline) {

  /** The wait before retry number {@code attempt} (1-based) while the store is down: doubling, capped. */
  Duration backoff(int attempt) {
    Duration delay = storeBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
    return delay.compareTo(storeBackoffCap) > 0 ? storeBackoffCap : delay;
  }
}
