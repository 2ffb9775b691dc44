package io.ttscenes.example.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.example.faq.desk.SupportDesk;
import io.ttscenes.runtime.BotLauncher;
import io.ttscenes.runtime.RuntimeConfigException;
import io.ttscenes.testkit.EmulatedUser;
import io.ttscenes.testkit.Emulator;
import io.ttscenes.testkit.EmulatorApiProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The program's settings, as README's run command and a deployment use them. */
final class FaqBotMainTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final long OPERATORS = -5_000_000_001L;

  @Test
  void withoutTokenItServesTheWebChatAndAnswersThere() throws Exception {
    try (BotLauncher.Launched launch = BotLauncher.start(FaqBot.create(), Map.of("EMULATOR_PORT", "0"))) {
      Emulator emulator = EmulatorApiProvider.emulator(launch.localApi().orElseThrow()).orElseThrow();
      HttpResponse<String> page = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(emulator.webChatUrl())).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());

      EmulatedUser ann = emulator.user("Ann");
      ann.sendCommand("/help");
      assertTrue(ann.awaitMessage(WAIT).text().startsWith("What I can do"));

      String admin = launch.runtime().adminUrl().orElseThrow();
      HttpResponse<String> info = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/_emu/info")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertTrue(info.body().contains("\"admin\":\"" + admin + "\""), "the web chat links the admin pages: "
          + info.body());
      HttpResponse<String> graph = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(admin + "/graph.mmd")).build(), HttpResponse.BodyHandlers.ofString());
      assertTrue(graph.body().contains("scene support"), graph.body());
    }
  }

  @Test
  void withTokenItTalksToTheConfiguredApiAndStartsNoEmulator() {
    try (Emulator tamtam = Emulator.builder().token("real-token").start();
        BotLauncher.Launched launch = BotLauncher.start(FaqBot.create(), Map.of(
            "TAMTAM_TOKEN", "real-token", "TAMTAM_API_URL", tamtam.baseUrl()))) {
      assertTrue(launch.localApi().isEmpty());

      EmulatedUser ben = tamtam.user("Ben");
      ben.startWithPayload("ad-7");
      assertTrue(ben.awaitMessage(WAIT).text().startsWith("Hello, Ben!"));
    }
  }

  @Test
  void withRedisUrlAQuestionAskedAfterARestartOpensTheTicket() {
    try (RedisProcess redis = RedisProcess.start();
        Emulator tamtam = Emulator.builder().token("real-token").start()) {
      Map<String, String> env = Map.of("TAMTAM_TOKEN", "real-token",
          "TAMTAM_API_URL", tamtam.baseUrl(), "REDIS_URL", redis.url(),
          // RedisProcess runs without persistence.
          "TTSCENES_REDIS_UNSAFE_OK", "true");
      EmulatedUser olga = tamtam.user("Olga");
      tamtam.groupChat(OPERATORS, "Operators", olga).addBot(olga);
      EmulatedUser cleo = tamtam.user("Cleo");
      try (BotLauncher.Launched first = BotLauncher.start(deskBot(), env)) {
        cleo.sendCommand("/support");
        assertTrue(cleo.awaitMessage(WAIT).text().startsWith("Please describe your problem"));
      }
      try (BotLauncher.Launched second = BotLauncher.start(deskBot(), env)) {
        cleo.sendText("Parcel lost");
        assertEquals("Ticket SUP-" + cleo.userId() + "-1 is open. An operator will answer here; anything "
            + "you write now is added to it.", cleo.awaitMessage(WAIT).text());
      }
    }
  }

  private static Bot deskBot() {
    return FaqBot.create(FaqCatalog.shop(), SupportDesk.of(OPERATORS));
  }

  @Test
  void badSettingsAreAllReportedBeforeAnythingStarts() {
    RuntimeConfigException error = assertThrows(RuntimeConfigException.class, () ->
        BotLauncher.start(FaqBot.create(), Map.of("TAMTAM_TOKEN", "t", "TAMTAM_API_URL", "ftp://example.org",
            "TTSCENES_POLL_LIMIT", "5000")));

    assertEquals(2, error.problems().size(), error.getMessage());
  }

  @Test
  void supportChatIdIsReadAndABadOneIsNamed() {
    assertEquals(OptionalLong.of(-70L), FaqBotMain.supportChat(Map.of("SUPPORT_CHAT_ID", " -70 "), false));
    assertEquals(OptionalLong.empty(), FaqBotMain.supportChat(Map.of(), false), "no desk without it");
    assertEquals(OptionalLong.of(DeskDemo.OPERATORS_CHAT), FaqBotMain.supportChat(Map.of(), true),
        "dev mode's demo group");
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> FaqBotMain.supportChat(Map.of("SUPPORT_CHAT_ID", "operators"), false));
    assertEquals("SUPPORT_CHAT_ID is 'operators'; it must be the id of the operators' group chat, a whole "
        + "number such as -70000000000001", error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FaqBotMain.supportChat(Map.of("SUPPORT_CHAT_ID", "0"), false));
  }

  @Test
  void unusableEmulatorPortIsNamed() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> BotLauncher.start(FaqBot.create(), Map.of("EMULATOR_PORT", "eighty")));

    assertEquals("EMULATOR_PORT is 'eighty'; it must be a number 0..65535", error.getMessage());
  }
}
