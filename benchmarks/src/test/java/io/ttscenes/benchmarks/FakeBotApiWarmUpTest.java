package io.ttscenes.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Warm-up users: their own ids, finished before the measured users are released by the driver's
 * {@code POST /_bench/start}, and left out of the measured figures.
 */
final class FakeBotApiWarmUpTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void warmUpUsersHaveTheirOwnIdsAndTheGoIsRefusedUntilTheyFinished() throws Exception {
    try (FakeBotApi api = FakeBotApi.start(1, 2, 0);
        LoopbackClient polls = new LoopbackClient(api.port());
        LoopbackClient driver = new LoopbackClient(api.port())) {
      JsonNode first = json.readTree(polls.get("/updates?timeout=0&limit=1").body());
      assertEquals(2_000_000L, first.path("updates").path(0).path("chat_id").asLong());
      LoopbackClient.Response early = driver.post(FakeBotApi.START_PATH, "");
      assertEquals(409, early.status());
      assertTrue(early.body().contains("not finished"), early.body());

      long marker = ScriptedBot.play(api.port(), 0, 2 * 4);
      assertTrue(api.awaitWarmedUp(60, TimeUnit.SECONDS));
      JsonNode idle = json.readTree(polls.get("/updates?timeout=0&marker=" + marker).body());
      assertEquals(0, idle.path("updates").size(), "measured users released before the go: " + idle);

      assertEquals(200, driver.post(FakeBotApi.START_PATH, "").status());
      assertEquals(409, driver.post(FakeBotApi.START_PATH, "").status(), "a second go");
      JsonNode measured = json.readTree(polls.get("/updates?timeout=0&marker=" + marker).body());
      assertEquals(List.of(1_000_000L), chatIds(measured));
    }
  }

  @Test
  void measuredFiguresCountOnlyTheMeasuredUsersAndThePollWaitingAtTheGo() throws Exception {
    try (FakeBotApi api = FakeBotApi.start(1, 3, 0); LoopbackClient driver = new LoopbackClient(api.port())) {
      long marker = ScriptedBot.play(api.port(), 0, 3 * 4);
      assertTrue(api.awaitWarmedUp(60, TimeUnit.SECONDS));
      assertEquals(12, api.warmUpFigures().updates());
      assertEquals(0, api.figures().updates());

      // Whether this poll is still waiting at the go or arrives after it, it counts as measured.
      CompletableFuture<Long> measured =
          CompletableFuture.supplyAsync(() -> ScriptedBot.play(api.port(), marker, 4));
      assertEquals(200, driver.post(FakeBotApi.START_PATH, "").status());
      measured.get(60, TimeUnit.SECONDS);

      assertTrue(api.awaitFinished(60, TimeUnit.SECONDS));
      Figures figures = api.figures();
      assertEquals(4, figures.updates(), figures.line());
      assertEquals(4 + 5, figures.apiCalls(), figures.line());
      assertEquals(0, figures.errors(), figures.line());
      assertEquals(0, figures.unexpected(), figures.line());
    }
  }

  @Test
  void aColdServerRefusesTheGoAndDoesNotCountIt() throws Exception {
    try (FakeBotApi api = FakeBotApi.start(1, 0); LoopbackClient driver = new LoopbackClient(api.port())) {
      assertEquals(409, driver.post(FakeBotApi.START_PATH, "").status());
      assertEquals(0, api.figures().apiCalls());
      assertTrue(api.awaitWarmedUp(0, TimeUnit.SECONDS), "no warm-up users: warmed from the start");
    }
  }

  private static List<Long> chatIds(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.path("updates").forEach(update -> ids.add(update.path("chat_id").asLong()));
    return ids;
  }
}
