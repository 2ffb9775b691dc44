package io.ttscenes.example.votesurvey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ttscenes.runtime.BotLauncher;
import io.ttscenes.testkit.EmulatedUser;
import io.ttscenes.testkit.Emulator;
import io.ttscenes.testkit.EmulatorApiProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one command README gives: each bot starts in dev mode, against the emulator, without a token. */
final class VoteSurveyMainTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void withoutTokenTheSurveyServesTheWebChatAndAnswersThere() throws Exception {
    try (BotLauncher.Launched launch = BotLauncher.start(VoteSurveyMain.bot("survey"),
        Map.of("EMULATOR_PORT", "0"))) {
      Emulator emulator = EmulatorApiProvider.emulator(launch.localApi().orElseThrow()).orElseThrow();
      HttpResponse<String> page = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(emulator.webChatUrl())).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());

      EmulatedUser ann = emulator.user("Ann");
      ann.sendCommand("/survey");
      assertEquals("Do you like tea?", ann.awaitMessage(WAIT).text());
    }
  }

  @Test
  void withoutTokenTheVoteStartsAPoll() {
    try (BotLauncher.Launched launch = BotLauncher.start(VoteSurveyMain.bot("vote"),
        Map.of("EMULATOR_PORT", "0"))) {
      Emulator emulator = EmulatorApiProvider.emulator(launch.localApi().orElseThrow()).orElseThrow();
      EmulatedUser ann = emulator.user("Ann");
      ann.sendCommand("/poll Lunch? | Pizza | Sushi");
      assertEquals("Lunch? Pizza 0, Sushi 0", ann.awaitMessage(WAIT).text());
    }
  }

  @Test
  void anUnknownBotNameIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VoteSurveyMain.bot("quiz"));
    assertEquals("no bot 'quiz'; run it with 'vote' or 'survey'", e.getMessage());
  }
}
