package io.ttscenes.testkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.testkit.EmulatedUser;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin endpoint of a bot running against the emulator, over real HTTP. */
final class AdminEndpointTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private AdminBot bot;

  @BeforeEach
  void start() {
    bot = AdminBot.start();
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  void metricsAreValidPrometheusTextWithSceneStepAndCampaignLabels() throws Exception {
    EmulatedUser ann = bot.emulator.user("Ann");
    ann.startWithPayload("promo");
    ann.awaitMessage(WAIT);
    ann.sendText("Ann");
    ann.awaitMessage(WAIT);
    EmulatedUser bob = bot.emulator.user("Bob");
    bob.startWithPayload("<script>alert(1)</script>");
    bob.awaitMessage(WAIT);
    bot.emulator.awaitAcknowledged(WAIT);

    var metrics = bot.get("/metrics");
    assertEquals(200, metrics.statusCode());
    assertTrue(metrics.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
    List<PrometheusParser.Sample> samples = PrometheusParser.parse(metrics.body());

    assertEquals(1.0, value(samples, "ttscenes_deeplink_starts_total", "campaign", "promo"));
    assertEquals(1.0, value(samples, "ttscenes_deeplink_starts_total", "campaign", "other"));
    assertEquals(1.0, value(samples, "ttscenes_funnel_reached_total", "campaign", "promo", "step", "email"));
    assertEquals(2.0, value(samples, "ttscenes_scene_entered_total", "scene", "signup", "step", "name"));
    assertEquals("counter", samples.stream().filter(s -> s.name().equals("ttscenes_updates_total"))
        .findFirst().orElseThrow().type());
    Set<String> campaigns = samples.stream().map(s -> s.label("campaign")).filter(c -> c != null)
        .collect(Collectors.toSet());
    assertEquals(Set.of("promo", "other"), campaigns, "user payloads never become label values");
  }

  @Test
  void healthSaysLiveAndReadyWithEachCheck() throws Exception {
    var live = bot.get("/health/live");
    assertEquals(200, live.statusCode());
    var ready = bot.get("/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("\"store\":{\"status\":\"UP\""), ready.body());
    assertTrue(ready.body().contains("\"ingress\":{\"status\":\"UP\""), ready.body());
    assertTrue(ready.body().contains("\"lanes\":{\"status\":\"UP\""), ready.body());
  }

  @Test
  void readinessFailsOnceTheIngressStops() throws Exception {
    bot.runtime.ingress().stop(WAIT);
    var ready = bot.get("/health/ready");
    assertEquals(503, ready.statusCode());
    assertTrue(ready.body().contains("\"ingress\":{\"status\":\"DOWN\""), ready.body());
  }

  @Test
  void pagesAnswerOnlyGetAndUnknownPathsAre404() throws Exception {
    assertEquals(405, bot.post("/metrics").statusCode());
    assertEquals(404, bot.get("/nothing-here").statusCode());
    var graph = bot.get("/graph.mmd");
    assertEquals(200, graph.statusCode());
    assertTrue(graph.body().startsWith("flowchart LR\n"), graph.body());
    var script = bot.get("/assets/mermaid.min.js");
    assertEquals(200, script.statusCode());
    assertTrue(script.body().length() > 1_000_000, "mermaid's bundle is served from the jar");
  }

  private static double value(List<PrometheusParser.Sample> samples, String name, String... labels) {
    return samples.stream().filter(s -> s.name().equals(name)).filter(s -> {
      for (int i = 0; i < labels.length; i += 2) {
        if (!labels[i + 1].equals(s.label(labels[i]))) {
          return false;
        }
      }
      return true;
    }).mapToDouble(PrometheusParser.Sample::value).sum();
  }
}
