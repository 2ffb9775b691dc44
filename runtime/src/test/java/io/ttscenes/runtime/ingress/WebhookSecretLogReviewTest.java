package io.ttscenes.runtime.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.fake.FakeTamTam;
import io.ttscenes.runtime.fake.ScriptedStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Review: since a2cae85 a secret a URL cannot hold as it is gets subscribed percent-encoded, but
 * the log lines still mask only the secret's decoded spelling, so "webhook subscribed at ..." and
 * "webhook unsubscribed from ..." print the secret in full (encoded). Before the fix the subscribed
 * URL held the raw secret and those lines showed "***".
 */
final class WebhookSecretLogReviewTest {
  private static final String SECRET = "ключ-ключ-ключ-ключ-ключ";
  private static final String ENCODED = "%D0%BA%D0%BB%D1%8E%D1%87-%D0%BA%D0%BB%D1%8E%D1%87-%D0%BA%D0%BB%D1%8E%D1%87-%D0%BA%D0%BB%D1%8E%D1%87-%D0%BA%D0%BB%D1%8E%D1%87";

  @Test
  void aNonAsciiSecretIsMaskedInTheSubscribeAndUnsubscribeLogLines() throws Exception {
    ScriptedStore store = new ScriptedStore();
    PrintStream previousErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (FakeTamTam tamtam = FakeTamTam.start()) {
      Bot bot = Bot.builder("hook-log").root(r -> r.onText(ctx -> ctx.reply("x"))).build();
      try (Dispatcher dispatcher = Dispatcher.builder(bot, store, tamtam.client()).build()) {
        WebhookIngress hook = WebhookIngress.builder(dispatcher, tamtam.client()).listen("127.0.0.1", 0)
            .publicUrl("https://bot.example.com/tamtam").secret(SECRET).unsubscribeOnStop(true).build();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
          hook.start();
          assertTrue(hook.stop(Duration.ofSeconds(5)));
        } finally {
          System.setErr(previousErr);
        }
      }
      List<String> calls = tamtam.events().stream().filter(e -> e.contains("subscribe:")).toList();
      assertEquals("unsubscribe:https://bot.example.com/tamtam/" + ENCODED, calls.get(calls.size() - 1),
          "the URL TamTam is given holds the secret encoded");
    } finally {
      store.dispose();
    }
    String log = err.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("webhook subscribed at"), log);
    assertFalse(log.contains(ENCODED), "the secret leaks into the log:\n" + log);
    assertFalse(log.contains(SECRET), "the secret leaks into the log:\n" + log);
  }
}
