package io.ttscenes.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dev mode's choice and its errors when the runtime has no local API on its classpath. */
final class BotLauncherTest {
  private static final Bot ECHO =
      Bot.builder("echo").root(r -> r.onText(ctx -> ctx.reply("echo " + ctx.text()))).build();

  @Test
  void withoutTokenOrApiAndWithoutTestkitItSaysHowToRun() {
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> BotLauncher.start(ECHO, Map.of("EMULATOR_PORT", "0")));

    assertEquals("TAMTAM_TOKEN is not set: set it to run against TamTam, or put io.ttscenes:testkit on"
        + " the classpath to run against the local emulator and its web chat", error.getMessage());
  }

  @Test
  void devModeOnlyWhenNeitherTokenNorApiAddressIsSet() {
    assertTrue(BotLauncher.devMode(Map.of("TAMTAM_TOKEN", " ")));
    assertFalse(BotLauncher.devMode(Map.of("TAMTAM_TOKEN", "t")));
    assertFalse(BotLauncher.devMode(Map.of("TAMTAM_API_URL", "http://127.0.0.1:9000")));
  }

  @Test
  void badSettingsWithATokenAreAllReported() {
    RuntimeConfigException error = assertThrows(RuntimeConfigException.class, () -> BotLauncher.start(
        ECHO, Map.of("TAMTAM_TOKEN", "t", "TTSCENES_POLL_LIMIT", "0", "WEBHOOK_PORT", "-1")));

    assertEquals(2, error.problems().size(), error.getMessage());
  }
}
