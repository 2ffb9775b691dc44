package io.ttscenes.runtime.ingress;

import static io.ttscenes.runtime.fake.Updates.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.fake.FakeTamTam;
import io.ttscenes.runtime.fake.ScriptedStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class WebhookIngressTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final ScriptedStore store = new ScriptedStore();
  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private FakeTamTam tamtam;
  private Dispatcher dispatcher;

  @BeforeEach
  void start() throws Exception {
    tamtam = FakeTamTam.start();
    Bot bot = Bot.builder("hook-test").root(r -> r.onText(ctx -> ctx.reply("echo " + ctx.text()))).build();
    dispatcher = Dispatcher.builder(bot, store, tamtam.client()).parallelism(2)
        .storeBackoff(Duration.ofMillis(10), Duration.ofMillis(50)).build();
  }

  @AfterEach
  void stop() throws Exception {
    store.releaseCommits();
    store.down(false);
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      cleanup.get(i).close();
    }
    dispatcher.close();
    tamtam.close();
    store.dispose();
  }

  @Test
  void answers200OnlyAfterTheUpdateIsCommittedAndItsRepliesSent() throws Exception {
    WebhookIngress hook = startHook(WebhookIngress.builder(dispatcher, tamtam.client()));
    store.holdCommits();

    CompletableFuture<HttpResponse<String>> response = post(hook, hook.servedPath(), message(7, "a"));
    store.awaitHeldCommit();
    assertThrows(TimeoutException.class, () -> response.get(300, TimeUnit.MILLISECONDS),
        "answered before the update was committed");
    store.releaseCommits();

    HttpResponse<String> answer = response.get(20, TimeUnit.SECONDS);
    assertEquals(200, answer.statusCode());
    assertEquals("{\"success\":true}", answer.body());
    assertEquals(List.of("echo a"), tamtam.texts(), "the reply is sent before the 200");
  }

  @Test
  void answers503WhileTheStoreIsDownAndTamTamsRetryIsProcessedOnce() throws Exception {
    WebhookIngress hook = startHook(WebhookIngress.builder(dispatcher, tamtam.client())
        .ackTimeout(Duration.ofSeconds(1)));
    store.down(true);
    String update = message(7, "a");

    HttpResponse<String> first = post(hook, hook.servedPath(), update).get(20, TimeUnit.SECONDS);
    assertEquals(503, first.statusCode());
    assertTrue(first.body().contains("deliver it again later"), first.body());

    store.down(false);
    // The engine kept retrying the first delivery and commits it once the store is back.
    assertEquals(List.of("echo a"), tamtam.awaitTexts(1));
    HttpResponse<String> retry = post(hook, hook.servedPath(), update).get(20, TimeUnit.SECONDS);
    assertEquals(200, retry.statusCode());
    assertEquals(List.of("echo a"), tamtam.texts(), "TamTam's retry is acknowledged without a second run");
  }

  @Test
  void malformedJsonIsAnswered400WithTheParseError() throws Exception {
    WebhookIngress hook = startHook(WebhookIngress.builder(dispatcher, tamtam.client()));

    HttpResponse<String> answer = post(hook, hook.servedPath(), "{\"update_type\": nope").get(20, TimeUnit.SECONDS);

    assertEquals(400, answer.statusCode());
    assertTrue(answer.body().contains("malformed update JSON"), answer.body());
    assertEquals(List.of(), store.events().stream().filter(e -> e.startsWith("commit")).toList());
  }

  @Test
  void aMalformedBodyKeepsTheUsersTextOutOfTheLog() throws Exception {
    WebhookIngress hook = startHook(WebhookIngress.builder(dispatcher, tamtam.client()));
    // Jackson's parse errors quote the offending token or value: here the user's own text.
    String token = "{\"update_type\": CallMeAt79991234567}";
    String value = "{\"update_type\":\"message_created\",\"timestamp\":\"MyPassportIs4510123456\"}";
    PrintStream previousErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    List<HttpResponse<String>> answers;
    try {
      answers = List.of(post(hook, hook.servedPath(), token).get(20, TimeUnit.SECONDS),
          post(hook, hook.servedPath(), value).get(20, TimeUnit.SECONDS));
    } finally {
      System.setErr(previousErr);
    }
    String log = err.toString(StandardCharsets.UTF_8);
    assertEquals(List.of(400, 400), answers.stream().map(HttpResponse::statusCode).toList());
    assertTrue(log.contains("answered 400"), log);
    assertFalse(log.contains("CallMeAt79991234567"), "the body's text leaks into the log:\n" + log);
    assertFalse(log.contains("MyPassportIs4510123456"), "the body's text leaks into the log:\n" + log);
  }

  @Test
  void jsonThatIsNotAnUpdateObjectIsAnswered400() throws Exception {
    WebhookIngress hook = startHook(WebhookIngress.builder(dispatcher, tamtam.client()));

    HttpResponse<String> nothing = post(hook, hook.servedPath(), "null").get(20, TimeUnit.SECONDS);
    HttpResponse<String> list = post(hook, hook.servedPath(), "[" + message(7, "a") + "]").get(20, TimeUnit.SECONDS);

    assertEquals(400, nothing.statusCode(), nothing.body());
    assertEquals(400, list.statusCode(), list.body());
    assertEquals(List.of(), tamtam.texts());
  }

  @Test
  void onlyThePathWithTheSecretIsServed() throws Exception {
    WebhookIngress hook = startHook(WebhookIngress.builder(dispatcher, tamtam.client())
        .path("/tamtam").secret("s3cr3t-of-at-least-22-chars"));

    assertEquals(404, post(hook, "/tamtam", message(7, "a")).get(20, TimeUnit.SECONDS).statusCode());
    assertEquals(404, post(hook, "/tamtam/wrong", message(7, "b")).get(20, TimeUnit.SECONDS).statusCode());
    assertEquals(200, post(hook, "/tamtam/s3cr3t-of-at-least-22-chars", message(7, "c")).get(20, TimeUnit.SECONDS).statusCode());
    assertEquals(List.of("echo c"), tamtam.texts());
  }

  @Test
  void anEncodedSpellingOfTheSecretIsAnotherPath() throws Exception {
    WebhookIngress hook = startHook(WebhookIngress.builder(dispatcher, tamtam.client())
        .path("/tamtam").secret("s3cr3t-of-at-least-22-chars"));

    // %33 decodes to "3": the decoded path would match, the path as sent does not.
    assertEquals(404, post(hook, "/tamtam/s3cr%33t-of-at-least-22-chars", message(7, "a")).get(20, TimeUnit.SECONDS).statusCode());
    assertEquals(200, post(hook, "/tamtam/s3cr3t-of-at-least-22-chars/", message(7, "b")).get(20, TimeUnit.SECONDS).statusCode());
    assertEquals(List.of("echo b"), tamtam.texts());
  }

  @Test
  void subscribesOnStartAndUnsubscribesOnStopWhenAsked() throws Exception {
    WebhookIngress hook = WebhookIngress.builder(dispatcher, tamtam.client()).listen("127.0.0.1", 0)
        .publicUrl("https://bot.example.com/tamtam").secret("s3cr3t-of-at-least-22-chars").unsubscribeOnStop(true).build();
    hook.start();
    assertTrue(hook.stop(Duration.ofSeconds(5)));

    List<String> calls = tamtam.events().stream().filter(e -> e.contains("subscribe:")).toList();
    assertEquals(2, calls.size(), calls.toString());
    assertTrue(calls.get(0).startsWith("subscribe:") && calls.get(0).contains("\"url\":\"https://bot.example.com/tamtam/s3cr3t-of-at-least-22-chars\""),
        calls.get(0));
    assertEquals("unsubscribe:https://bot.example.com/tamtam/s3cr3t-of-at-least-22-chars", calls.get(1));
  }

  // A secret a URL cannot hold as it is is subscribed percent-encoded: the log lines must mask that
  // spelling too, not only the decoded one.
  @Test
  void aNonAsciiSecretIsMaskedInTheSubscribeAndUnsubscribeLogLines() throws Exception {
    String secret = "ключ-ключ-ключ-ключ-ключ";
    String encoded = "%D0%BA%D0%BB%D1%8E%D1%87-%D0%BA%D0%BB%D1%8E%D1%87-%D0%BA%D0%BB%D1%8E%D1%87"
        + "-%D0%BA%D0%BB%D1%8E%D1%87-%D0%BA%D0%BB%D1%8E%D1%87";
    WebhookIngress hook = WebhookIngress.builder(dispatcher, tamtam.client()).listen("127.0.0.1", 0)
        .publicUrl("https://bot.example.com/tamtam").secret(secret).unsubscribeOnStop(true).build();
    PrintStream previousErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      hook.start();
      assertTrue(hook.stop(Duration.ofSeconds(5)));
    } finally {
      System.setErr(previousErr);
    }

    List<String> calls = tamtam.events().stream().filter(e -> e.contains("subscribe:")).toList();
    assertEquals("unsubscribe:https://bot.example.com/tamtam/" + encoded, calls.get(calls.size() - 1),
        "the URL TamTam is given holds the secret encoded");
    String log = err.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("webhook subscribed at"), log);
    assertFalse(log.contains(encoded), "the secret leaks into the log:\n" + log);
    assertFalse(log.contains(secret), "the secret leaks into the log:\n" + log);
  }

  private WebhookIngress startHook(WebhookIngress.Builder builder) {
    WebhookIngress hook = builder.listen("127.0.0.1", 0).build();
    hook.start();
    cleanup.add(() -> hook.stop(Duration.ofSeconds(5)));
    return hook;
  }

  private CompletableFuture<HttpResponse<String>> post(WebhookIngress hook, String path, String body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hook.port() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }
}
