package io.ttscenes.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What {@code FakeBotApi.main} prints, with the scripted bot playing the users: the figures of
 * the measured run leave both the self warm-up and the warm-up users out.
 */
final class FakeApiRunTest {
  private final Lines out = new Lines();

  @Test
  void selfWarmUpRunsBeforeListeningAndIsNotCountedInTheMeasuredFigures() throws Exception {
    CompletableFuture<Integer> run = run(new Options(1, 0, 0, 60, true, Arrivals.BURST));
    int port = Integer.parseInt(out.next().replace("listening ", ""));
    ScriptedBot.play(port, 0, 4);

    String timeline = out.next();
    assertTrue(timeline.startsWith("timeline: 0-1s: n=4 "), timeline);
    String line = out.next();
    assertEquals(0, run.get(60, TimeUnit.SECONDS));
    assertTrue(line.startsWith("fake-api: "), line);
    assertEquals("4", Lines.field(line, "updates"));
    // 4 polls and 5 posts of the one measured user; the warm-up's 30,000 requests are not in it.
    assertEquals("9", Lines.field(line, "api_calls"));
    assertEquals("0", Lines.field(line, "errors"));
    assertTrue(Long.parseLong(Lines.field(line, "self_warmup_requests")) > 10_000, line);
  }

  @Test
  void withoutSelfWarmUpNoWarmUpFiguresArePrinted() throws Exception {
    CompletableFuture<Integer> run = run(new Options(1, 0, 0, 60, false, Arrivals.BURST));
    ScriptedBot.play(Integer.parseInt(out.next().replace("listening ", "")), 0, 4);

    out.next();
    String line = out.next();
    assertEquals(0, run.get(60, TimeUnit.SECONDS));
    assertEquals("9", Lines.field(line, "api_calls"));
    assertFalse(line.contains("self_warmup"), line);
  }

  @Test
  void warmUpUsersFinishFirstAndTheMeasuredOnesComeOnlyAfterTheGo() throws Exception {
    CompletableFuture<Integer> run = run(new Options(2, 3, 0, 60, false, Arrivals.BURST));
    int port = Integer.parseInt(out.next().replace("listening ", ""));
    long marker = ScriptedBot.play(port, 0, 3 * 4);
    String warmed = out.next();
    assertTrue(warmed.startsWith("warmed "), warmed);
    assertEquals("12", Lines.field(warmed, "updates"));

    try (LoopbackClient driver = new LoopbackClient(port)) {
      assertEquals(200, driver.post(FakeBotApi.START_PATH, "").status());
    }
    ScriptedBot.play(port, marker, 2 * 4);

    String timeline = out.next();
    assertTrue(timeline.startsWith("timeline: 0-1s: n=8 "), "only the measured users: " + timeline);
    String line = out.next();
    assertEquals(0, run.get(60, TimeUnit.SECONDS));
    assertEquals("8", Lines.field(line, "updates"));
    // 4 polls and 2 x 5 posts: the warm-up users' calls and the go are not counted.
    assertEquals("14", Lines.field(line, "api_calls"));
    assertEquals("0", Lines.field(line, "errors"));
  }

  @Test
  void steadyArrivalsTakeEveryUserThroughTheSurveyAndReportP90() throws Exception {
    CompletableFuture<Integer> run = run(new Options(5, 0, 0, 60, false, new Arrivals(500)));
    ScriptedBot.play(Integer.parseInt(out.next().replace("listening ", "")), 0, 5 * 4);

    String timeline = out.next();
    assertTrue(timeline.startsWith("timeline: 0-1s: n=20 ") && timeline.contains(">=4s: n=0 "), timeline);
    String line = out.next();
    assertEquals(0, run.get(60, TimeUnit.SECONDS));
    assertEquals("20", Lines.field(line, "updates"));
    assertEquals("0", Lines.field(line, "errors"));
    assertEquals("0", Lines.field(line, "unexpected"));
    double p50 = Double.parseDouble(Lines.field(line, "p50_ms"));
    double p90 = Double.parseDouble(Lines.field(line, "p90_ms"));
    assertTrue(p50 <= p90 && p90 <= Double.parseDouble(Lines.field(line, "p99_ms")), line);
  }

  @Test
  void warmUpUsersThatNeverFinishFailTheRun() throws Exception {
    CompletableFuture<Integer> run = run(new Options(1, 1, 0, 1, false, Arrivals.BURST));
    out.next();

    String line = out.next();
    assertEquals(1, run.get(60, TimeUnit.SECONDS));
    assertTrue(line.contains("warm-up users did not finish"), line);
  }

  private CompletableFuture<Integer> run(Options options) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return FakeApiRun.run(options, out.stream());
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
  }
}
