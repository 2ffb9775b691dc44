package io.ttscenes.runtime;

import static io.ttscenes.runtime.fake.Updates.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.client.ApiDialect;
import io.ttscenes.runtime.fake.FakeTamTam;
import io.ttscenes.runtime.ingress.WebhookIngress;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A webhook configured from the environment is secured by default and stays reachable across restarts. */
final class WebhookFromEnvironmentTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final Bot bot = Bot.builder("hooked").root(r -> r.onText(ctx -> ctx.reply("echo " + ctx.text()))).build();
  private FakeTamTam tamtam;

  @BeforeEach
  void startTamTam() throws Exception {
    tamtam = FakeTamTam.start();
  }

  @AfterEach
  void stopTamTam() {
    tamtam.close();
  }

  @Test
  void withoutWebhookSecretTheBotDerivesOneFromItsTokenThatSurvivesARestartAndIsNeverLogged() throws Exception {
    PrintStream previousErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    String first;
    String second;
    String otherToken;
    try {
      first = runOnce(Map.of("TAMTAM_TOKEN", "token-a"), 200);
      second = runOnce(Map.of("TAMTAM_TOKEN", "token-a"), 200);
      otherToken = runOnce(Map.of("TAMTAM_TOKEN", "token-b"), 200);
    } finally {
      System.setErr(previousErr);
    }
    String secret = first.substring("https://bot.example.com/hook/".length());
    assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), "256 bits, valid for MAX too: " + secret.length());
    assertEquals(first, second, "TamTam retries to the URL it has; a restart must keep serving it");
    assertNotEquals(first, otherToken);
    String log = err.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("webhook subscribed at https://bot.example.com/hook/***"), log);
    assertFalse(log.contains(secret), "the secret leaks into the log:\n" + log);
  }

  @Test
  void theMaxDialectFromTheEnvironmentRequiresTheSecretHeader() throws Exception {
    String url = runOnce(Map.of("TAMTAM_TOKEN", "token-a", "TAMTAM_DIALECT", "max"), 403);

    String subscribe = tamtam.events().stream().filter(e -> e.startsWith("subscribe:")).findFirst().orElseThrow();
    String secret = url.substring(url.lastIndexOf('/') + 1);
    assertTrue(subscribe.contains("\"secret\":\"" + secret + "\""), subscribe);
  }

  @Test
  void anAllowListFromTheEnvironmentRefusesOtherSources() throws Exception {
    runOnce(Map.of("TAMTAM_TOKEN", "token-a", "WEBHOOK_ALLOW", "tamtam"), 403);
    runOnce(Map.of("TAMTAM_TOKEN", "token-a", "WEBHOOK_ALLOW", "tamtam, 127.0.0.1/32"), 200);

    assertEquals(List.of("echo hello"), tamtam.texts());
  }

  @Test
  void unsafeWebhookSettingsAreReportedTogetherWithoutShowingTheSecret() {
    RuntimeConfigException e = assertThrows(RuntimeConfigException.class, () -> RuntimeConfig.from(Map.of(
        "TAMTAM_TOKEN", "t", "TAMTAM_DIALECT", "max", "WEBHOOK_URL", "https://bot.example.com:8443/hook",
        "WEBHOOK_SECRET", "short-one", "WEBHOOK_ALLOW", "10.0.0.0/40", "WEBHOOK_TRUSTED_PROXY", "proxy.local")));

    assertEquals(List.of(
        "WEBHOOK_SECRET has 9 characters; it must have at least 22 (128 bits as base64url)",
        "WEBHOOK_URL: the webhook URL's port is 8443; MAX calls webhooks on port 443 only",
        "WEBHOOK_ALLOW: '10.0.0.0/40' is not a network in CIDR notation; its prefix length must be 0..32",
        "WEBHOOK_TRUSTED_PROXY: 'proxy.local' is not a network in CIDR notation; it is not an IP address literal"),
        e.problems());
    assertEquals("TAMTAM_DIALECT is 'telegram'; it must be tamtam or max", assertThrows(RuntimeConfigException.class,
        () -> RuntimeConfig.from(Map.of("TAMTAM_TOKEN", "t", "TAMTAM_DIALECT", "telegram"))).problems().get(0));
    assertEquals(URI.create(ApiDialect.MAX.defaultBaseUrl()),
        RuntimeConfig.from(Map.of("TAMTAM_TOKEN", "t", "TAMTAM_DIALECT", "MAX")).apiUrl());
  }

  /** Starts a webhook runtime with {@code settings}, posts one update, expects {@code status}; returns the subscribed URL. */
  private String runOnce(Map<String, String> settings, int status) throws Exception {
    Map<String, String> env = new HashMap<>(settings);
    env.putAll(Map.of("TAMTAM_API_URL", tamtam.url(), "WEBHOOK_URL", "https://bot.example.com/hook",
        "WEBHOOK_PORT", "0", "TTSCENES_TIMER_PERIOD_MS", "3600000"));
    int before = tamtam.events().size();
    try (BotRuntime runtime = BotRuntime.builder(bot, RuntimeConfig.from(env))
        .store(InMemorySessionStore.create(), true).build()) {
      runtime.start();
      String subscribe = tamtam.events().subList(before, tamtam.events().size()).stream()
          .filter(e -> e.startsWith("subscribe:")).findFirst().orElseThrow();
      String url = subscribe.replaceAll(".*\"url\":\"([^\"]*)\".*", "$1");
      String path = URI.create(url).getRawPath();
      int port = ((WebhookIngress) runtime.ingress()).port();
      HttpResponse<String> bare = post(port, "/hook");
      HttpResponse<String> answer = post(port, path);
      assertTrue(bare.statusCode() == 404 || bare.statusCode() == 403 && status == 403,
          "the path without the secret is not served: " + bare.statusCode());
      assertEquals(status, answer.statusCode(), answer.body());
      return url;
    }
  }

  private HttpResponse<String> post(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .POST(HttpRequest.BodyPublishers.ofString(message(9, "hello"))).build(), HttpResponse.BodyHandlers.ofString());
  }
}
