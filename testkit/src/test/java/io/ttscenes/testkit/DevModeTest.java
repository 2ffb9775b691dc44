package io.ttscenes.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.BotLauncher;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Any bot started by BotLauncher without a token runs against the emulator found on the classpath. */
final class DevModeTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Bot ECHO =
      Bot.builder("echo").root(r -> r.onText(ctx -> ctx.reply("echo " + ctx.text()))).build();

  @Test
  void withoutTokenAnyBotServesTheWebChatAndAnswersThere() throws Exception {
    try (BotLauncher.Launched launched = BotLauncher.start(ECHO, Map.of("EMULATOR_PORT", "0",
        "REDIS_URL", "redis://127.0.0.1:1"))) {
      Emulator emulator = EmulatorApiProvider.emulator(launched.localApi().orElseThrow()).orElseThrow();
      HttpResponse<String> page = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(emulator.webChatUrl())).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(emulator.webChatUrl().endsWith("/chat/"), emulator.webChatUrl());

      EmulatedUser ann = emulator.user("Ann");
      ann.sendText("hi");
      assertEquals("echo hi", ann.awaitMessage(WAIT).text());
    }
  }

  @Test
  void portInUseIsNamedWithWhatToDo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> BotLauncher.start(ECHO, Map.of("EMULATOR_PORT", String.valueOf(port))));

      assertTrue(error.getMessage().startsWith("cannot start the local emulator on 127.0.0.1:" + port
          + ": the port is in use ("), error.getMessage());
      assertTrue(error.getMessage().endsWith("); set EMULATOR_PORT to a free port"), error.getMessage());
    }
  }

  @Test
  void malformedPortIsNamed() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> BotLauncher.start(ECHO, Map.of("EMULATOR_PORT", "70000")));

    assertEquals("EMULATOR_PORT is '70000'; it must be a number 0..65535", error.getMessage());
  }
}
