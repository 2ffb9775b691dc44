package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.botStarted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Users choose start payloads; the meters must not grow a time series per payload. */
final class DeepLinkFloodTest {

  @Test
  void tenThousandRandomDeepLinksLeaveTheNumberOfTimeSeriesBounded() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Bot bot = Bot.builder("flood").campaigns("promo")
        .scene(Scene.builder("welcome").onText(ctx -> ctx.leave()).build())
        .global(g -> g.onBotStarted(ctx -> ctx.enter("welcome")))
        .build();
    Random random = new Random(42);
    try (Dispatcher dispatcher = Dispatcher.builder(bot, InMemorySessionStore.create(), new RecordingBotApi())
        .listener(new MicrometerRuntimeListener(registry, "flood")).parallelism(4).build()) {
      dispatcher.submit(botStarted(1, 1, "promo")).get();
      int afterOne = series(registry);
      List<CompletableFuture<Void>> done = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        String payload = "zz" + Long.toString(random.nextLong(), 36) + i;
        done.add(dispatcher.submit(botStarted(1000 + i, 1000 + i, payload)));
      }
      CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get();

      int afterFlood = series(registry);
      assertEquals(10_000.0, registry.get("ttscenes.deeplink.starts").tags("campaign", "other").counter().count());
      assertTrue(afterFlood <= afterOne + 3, "series grew from " + afterOne + " to " + afterFlood
          + " (only the 'other' campaign's start and funnel series may be added)");
      assertTrue(registry.scrape().lines().noneMatch(line -> line.contains("zz")),
          "a user's payload appears in the scrape");
    }
  }

  /** Time series in the Prometheus scrape: every sample line. */
  private static int series(PrometheusMeterRegistry registry) {
    return (int) registry.scrape().lines().filter(line -> !line.isBlank() && !line.startsWith("#")).count();
  }
}
