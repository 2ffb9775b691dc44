package io.ttscenes.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.runtime.BotRuntime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The whole survey over loopback HTTP: the real {@link FakeBotApi} serves long polling and takes
 * the replies, the survey bot runs in this JVM with the in-memory store, configured only by its
 * environment. Checks behaviour (every user finished, every {@code /status} right), not speed.
 */
final class SurveyFlowEndToEndTest {
  private static final int USERS = 50;

  @Test
  void everyUserFinishesTheSurveyAndStatusReportsTheStoredAnswers() throws Exception {
    try (FakeBotApi api = FakeBotApi.start(USERS, 0);
        BotRuntime bot = SurveyBot.start(Map.of("TAMTAM_API_URL", api.url(), "TAMTAM_TOKEN", "test-token"))) {
      // A safety net only: the flow finishes in well under a second once the JVM is warm.
      boolean finished = api.awaitFinished(60, TimeUnit.SECONDS);
      Figures figures = api.figures();

      assertTrue(finished, "not every user finished: " + figures.line());
      assertEquals(0, figures.errors(), figures.line());
      assertEquals(USERS * 4, figures.updates(), figures.line());
      assertEquals(0, figures.unexpected(), "messages that answered no update: " + figures.line());
    }
  }
}
