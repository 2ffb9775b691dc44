package io.ttscenes.example.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.testkit.BotMessage;
import io.ttscenes.testkit.EmulatedChat;
import io.ttscenes.testkit.EmulatedUser;
import io.ttscenes.testkit.Emulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The bot as its own process on Redis, killed with SIGKILL in the middle of a hand-off: the
 * operator's answer is committed but TamTam refuses every send (503), so it waits in the outbox
 * when the process dies. A new process recovers it: the user gets the answer once, and the ticket
 * goes on (a follow-up reaches the operators) as if nothing happened. Redis (with its append-only
 * file) is restarted between the two processes as well.
 */
final class DeskKillTest {
  private static final long OPERATORS = -6_000_000_001L;
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration STARTUP = Duration.ofMinutes(2);
  /** Recovery takes a dead instance's entries once its lease is gone and they are a minute old. */
  private static final Duration RECOVERY = Duration.ofMinutes(3);

  @Test
  void aBotKilledWhileTheAnswerWaitsToBeSentLosesNothing() throws Exception {
    Path data = Files.createTempDirectory("desk-redis");
    int port = RedisProcess.freePort();
    RedisProcess redis = RedisProcess.startPersistent(port, data);
    try (Emulator tamtam = Emulator.builder().token("real-token").start()) {
      EmulatedUser olga = tamtam.user("Olga");
      EmulatedChat desk = tamtam.groupChat(OPERATORS, "Operators", olga);
      desk.addBot(olga);
      EmulatedUser alice = tamtam.user("Alice");
      Map<String, String> env = Map.of("TAMTAM_TOKEN", "real-token", "TAMTAM_API_URL", tamtam.baseUrl(),
          "REDIS_URL", redis.url(),
          "SUPPORT_CHAT_ID", String.valueOf(OPERATORS), "TTSCENES_POLL_TIMEOUT_SECONDS", "1");

      Process first = bot(env, "first");
      try {
        // A JVM of its own starts slowly on a loaded machine: act once it polls.
        assertTrue(tamtam.awaitWaitingPolls(1, STARTUP), "the bot process polls within " + STARTUP);
        alice.sendCommand("/support");
        assertTrue(alice.awaitMessage(WAIT).text().startsWith("Please describe your problem"));
        alice.sendText("My parcel is late");
        assertTrue(alice.awaitMessage(WAIT).text().endsWith("anything you write now is added to it."));
        BotMessage post = desk.awaitMessage(WAIT);
        assertTrue(post.text().contains("from Alice"), post.text());

        tamtam.faults().unavailable("/messages", 1_000);
        desk.replyTo(olga, post.mid(), "It ships tomorrow.");
        awaitUntil(() -> tamtam.faults().pending("/messages") < 1_000, WAIT, "the answer's first send");
      } finally {
        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      tamtam.faults().clear();
      redis.close();
      redis = RedisProcess.startPersistent(port, data);

      Process second = bot(env, "second");
      try {
        // Calls sent but not yet cleared when the process died may come again (at least once).
        awaitText(() -> alice.awaitMessage(RECOVERY), "Olga (support): It ships tomorrow."::equals);
        alice.sendText("Thanks!");
        awaitText(() -> desk.awaitMessage(WAIT), text -> text.endsWith("Alice adds:\n\nThanks!"));
        List<BotMessage> before = alice.messages();
        assertEquals(1, before.stream().filter(m -> "Olga (support): It ships tomorrow.".equals(m.text()))
            .count(), "the answer reached Alice once");
      } finally {
        second.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } finally {
      redis.close();
    }
  }

  /** The bot as README runs it, in a JVM of its own with this test's class path. */
  private static Process bot(Map<String, String> env, String name) throws IOException {
    Path log = Files.createTempFile("desk-" + name, ".log");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), FaqBotMain.class.getName())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    return builder.start();
  }

  /** Takes messages until one's text passes {@code wanted}; fails when none comes in time. */
  private static void awaitText(java.util.function.Supplier<BotMessage> next,
      java.util.function.Predicate<String> wanted) {
    while (!wanted.test(String.valueOf(next.get().text()))) {
      // an earlier message sent again by recovery: read on
    }
  }

  private static void awaitUntil(java.util.function.BooleanSupplier done, Duration timeout, String what)
      throws InterruptedException {
    Instant end = Instant.now().plus(timeout);
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("waited " + timeout + " for " + what);
      }
      Thread.sleep(20);
    }
  }
}
