package io.ttscenes.runtime.ingress;

import static io.ttscenes.runtime.fake.Updates.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.client.ApiDialect;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.fake.FakeTamTam;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may deliver to a webhook: only holders of its secret, from allowed networks. */
final class WebhookAccessTest {
  private static final String SECRET = "a-secret-of-at-least-22-characters";
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<WebhookIngress> hooks = new ArrayList<>();
  private FakeTamTam tamtam;
  private Dispatcher dispatcher;

  @BeforeEach
  void start() throws Exception {
    tamtam = FakeTamTam.start();
    Bot bot = Bot.builder("access").root(r -> r.onText(ctx -> ctx.reply("echo " + ctx.text()))).build();
    dispatcher = Dispatcher.builder(bot, InMemorySessionStore.create(), tamtam.client()).build();
  }

  @AfterEach
  void stop() {
    hooks.forEach(hook -> hook.stop(Duration.ofSeconds(5)));
    dispatcher.close();
    tamtam.close();
  }

  @Test
  void aWebhookGivenNoSecretServesOnlyAnUnguessableRandomPath() throws Exception {
    WebhookIngress hook = start(WebhookIngress.builder(dispatcher, tamtam.client()).path("/hook"));

    String segment = hook.servedPath().substring("/hook/".length());
    assertTrue(segment.length() >= 43 && segment.matches("[A-Za-z0-9_-]+"), "256 random bits: " + segment);
    assertEquals(404, post(hook, "/hook", message(7, "forged")).statusCode());
    assertEquals(404, post(hook, "/", message(7, "forged")).statusCode());
    assertEquals(200, post(hook, hook.servedPath(), message(7, "real")).statusCode());
    assertEquals(List.of("echo real"), tamtam.texts());
    WebhookIngress other = start(WebhookIngress.builder(dispatcher, tamtam.client()).path("/hook"));
    assertTrue(!other.servedPath().equals(hook.servedPath()), "each webhook draws its own secret");
  }

  @Test
  void withMaxARequestWithoutTheSecretHeaderIsRefusedAndTheSecretIsSubscribed() throws Exception {
    WebhookIngress hook = start(WebhookIngress.builder(dispatcher, tamtam.client()).secret(SECRET)
        .dialect(ApiDialect.MAX).publicUrl("https://bot.example.com/hook"));

    assertEquals(403, post(hook, hook.servedPath(), message(7, "no header")).statusCode());
    assertEquals(403, post(hook, hook.servedPath(), message(7, "wrong"), ApiDialect.MAX_SECRET_HEADER,
        SECRET + "x").statusCode());
    assertEquals(200, post(hook, hook.servedPath(), message(7, "signed"), ApiDialect.MAX_SECRET_HEADER,
        SECRET).statusCode());
    assertEquals(List.of("echo signed"), tamtam.texts());
    String subscribe = tamtam.events().stream().filter(e -> e.startsWith("subscribe:")).findFirst().orElseThrow();
    assertTrue(subscribe.contains("\"secret\":\"" + SECRET + "\""), subscribe);
  }

  @Test
  void withTamTamNoSecretIsSentInTheSubscriptionBody() throws Exception {
    start(WebhookIngress.builder(dispatcher, tamtam.client()).secret(SECRET)
        .publicUrl("https://bot.example.com/hook"));

    String subscribe = tamtam.events().stream().filter(e -> e.startsWith("subscribe:")).findFirst().orElseThrow();
    assertTrue(!subscribe.contains("\"secret\""), subscribe);
  }

  @Test
  void aSourceOutsideTheAllowedNetworksIsRefusedEvenWithTheSecret() throws Exception {
    WebhookIngress closed = start(WebhookIngress.builder(dispatcher, tamtam.client()).secret(SECRET)
        .allow(WebhookIngress.TAMTAM_NETWORKS));
    WebhookIngress open = start(WebhookIngress.builder(dispatcher, tamtam.client()).secret(SECRET)
        .allow(List.of("10.0.0.0/8", "127.0.0.0/8")));

    assertEquals(403, post(closed, closed.servedPath(), message(7, "from loopback")).statusCode());
    assertEquals(200, post(open, open.servedPath(), message(7, "allowed")).statusCode());
    assertEquals(List.of("echo allowed"), tamtam.texts());
  }

  @Test
  void aForwardedAddressIsBelievedOnlyFromATrustedProxy() throws Exception {
    WebhookIngress direct = start(WebhookIngress.builder(dispatcher, tamtam.client()).secret(SECRET)
        .allow(WebhookIngress.TAMTAM_NETWORKS));
    WebhookIngress proxied = start(WebhookIngress.builder(dispatcher, tamtam.client()).secret(SECRET)
        .allow(WebhookIngress.TAMTAM_NETWORKS).trustedProxies(List.of("127.0.0.1")));

    assertEquals(403, post(direct, direct.servedPath(), message(7, "spoofed"), "X-Forwarded-For",
        "185.16.150.1").statusCode());
    // The client wrote the left entry itself; the proxy appended the address it really saw.
    assertEquals(403, post(proxied, proxied.servedPath(), message(7, "prepended"), "X-Forwarded-For",
        "185.16.150.1, 203.0.113.9").statusCode());
    assertEquals(200, post(proxied, proxied.servedPath(), message(7, "via proxy"), "X-Forwarded-For",
        "203.0.113.9, 185.16.150.85").statusCode());
    assertEquals(List.of("echo via proxy"), tamtam.texts());
  }

  @Test
  void aBadNetworkIsRefusedAtOnceNamingIt() {
    WebhookIngress.Builder builder = WebhookIngress.builder(dispatcher, tamtam.client());

    assertEquals("'bot.example.com' is not a network in CIDR notation; it is not an IP address literal",
        assertThrows(IllegalArgumentException.class, () -> builder.allow(List.of("bot.example.com"))).getMessage());
    assertEquals("'10.0.0.0/33' is not a network in CIDR notation; its prefix length must be 0..32",
        assertThrows(IllegalArgumentException.class, () -> builder.trustedProxies(List.of("10.0.0.0/33")))
            .getMessage());
  }

  @Test
  void aPublicUrlOnAPortTheApiDoesNotCallIsRefusedBeforeSubscribing() {
    IllegalArgumentException tamtamPort = assertThrows(IllegalArgumentException.class,
        () -> WebhookIngress.builder(dispatcher, tamtam.client()).publicUrl("https://bot.example.com:9443/hook").build());
    IllegalArgumentException maxPort = assertThrows(IllegalArgumentException.class,
        () -> WebhookIngress.builder(dispatcher, tamtam.client()).dialect(ApiDialect.MAX)
            .publicUrl("https://bot.example.com:8443/hook").build());

    assertEquals("the webhook URL's port is 9443; TamTam calls webhooks only on ports 80, 8080, 443, 8443"
        + " and 16384-32383", tamtamPort.getMessage());
    assertEquals("the webhook URL's port is 8443; MAX calls webhooks on port 443 only", maxPort.getMessage());
    WebhookIngress.builder(dispatcher, tamtam.client()).publicUrl("https://bot.example.com:16384/hook").build();
    WebhookIngress.builder(dispatcher, tamtam.client()).publicUrl("http://bot.example.com/hook").build();
    assertEquals(List.of(), tamtam.events());
  }

  private WebhookIngress start(WebhookIngress.Builder builder) {
    WebhookIngress hook = builder.listen("127.0.0.1", 0).build();
    hook.start();
    hooks.add(hook);
    return hook;
  }

  private HttpResponse<String> post(WebhookIngress hook, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hook.port() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
