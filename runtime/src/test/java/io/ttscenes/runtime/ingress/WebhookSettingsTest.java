package io.ttscenes.runtime.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.client.BotApi;
import io.ttscenes.runtime.client.ApiDialect;
import io.ttscenes.runtime.client.OkHttpBotApi;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.json.WireJson;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

final class WebhookSettingsTest {
  private static final String SECRET = "s3cr3t-of-at-least-22-chars";
  // Never called: these tests neither bind nor subscribe.
  private final BotApi api = OkHttpBotApi.builder("token").baseUrl("http://127.0.0.1:9").build();
  private final Dispatcher dispatcher = Dispatcher.builder(
      Bot.builder("settings").root(r -> r.onText(ctx -> ctx.reply("x"))).build(),
      InMemorySessionStore.create(), api).build();

  @AfterEach
  void close() throws Exception {
    dispatcher.close();
    if (api instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  @Test
  void theSecretBecomesTheLastSegmentOfTheServedPathAndTheSubscribedUrl() {
    WebhookSettings settings = settings("/tamtam/", SECRET, Optional.of("https://bot.example.com/tamtam/"));

    assertEquals("/tamtam/" + SECRET, settings.servedPath());
    assertEquals(Optional.of("https://bot.example.com/tamtam/" + SECRET), settings.subscriptionUrl());
    assertEquals("/" + SECRET, settings("/", SECRET, Optional.empty()).servedPath());
  }

  @Test
  void aSecretAUrlCannotHoldAsItIsIsSubscribedPercentEncodedAndServedUnderThatSpelling() {
    WebhookSettings settings = settings("/tamtam", "ключ 1 of at least 22 chars",
        Optional.of("https://bot.example.com/tamtam"));

    String encoded = "/tamtam/%D0%BA%D0%BB%D1%8E%D1%87%201%20of%20at%20least%2022%20chars";
    assertEquals(Optional.of("https://bot.example.com" + encoded), settings.subscriptionUrl());
    assertTrue(new WebhookPath(settings.servedPath()).matches(encoded));
  }

  @Test
  void logTextHasTheSecretMaskedAndNoTypesMeansAll() {
    WebhookSettings settings = settings("/hook", SECRET, Optional.empty());

    assertEquals("/hook/***", settings.redacted(settings.servedPath()));
    assertNull(settings.subscribedTypes(), "null asks the API for every update type");
  }

  @Test
  void theBuilderRefusesABadValueAtOnceNamingIt() {
    WebhookIngress.Builder builder = WebhookIngress.builder(dispatcher, api);

    assertRefused("webhook port is 65536; it must be 0..65535", () -> builder.listen("127.0.0.1", 65536));
    assertRefused("webhook path 'hook' must start with /", () -> builder.path("hook"));
    assertRefused("webhook secret has 3 characters; it must have at least 22 (128 bits as base64url),"
        + " not be blank and contain no '/'", () -> builder.secret("a/b"));
    assertRefused("webhook secret has 25 characters; it must have at least 22 (128 bits as base64url),"
        + " not be blank and contain no '/'", () -> builder.secret("a/b-of-at-least-22-chars."));
    assertRefused("webhook secret has 21 characters; it must have at least 22 (128 bits as base64url),"
        + " not be blank and contain no '/'", () -> builder.secret("twenty-one-characters"));
    assertRefused("ack timeout is PT0S; it must be positive", () -> builder.ackTimeout(Duration.ZERO));
    assertRefused("body timeout is PT-1S; it must be positive", () -> builder.bodyTimeout(Duration.ofSeconds(-1)));
    assertRefused("webhook threads is 0; it must be >= 1", () -> builder.threads(0));
  }

  @Test
  void changingTheBuilderAfterBuildLeavesTheBuiltIngressAsItWas() {
    WebhookIngress.Builder builder = WebhookIngress.builder(dispatcher, api).listen("127.0.0.1", 8443)
        .path("/first").secret(SECRET);
    WebhookIngress first = builder.build();

    builder.listen("127.0.0.1", 9443).path("/second");

    assertEquals("webhook (port 8443, path /first/***)", first.describe());
    assertEquals("webhook (port 9443, path /second/***)", builder.build().describe());
  }

  private WebhookSettings settings(String path, String secret, Optional<String> publicUrl) {
    return new WebhookSettings(dispatcher, api, "127.0.0.1", 0, path, secret, publicUrl, false,
        Duration.ofSeconds(25), Duration.ofSeconds(5), 16, Set.of(), WireJson.create(), ApiDialect.TAMTAM,
        List.of(), List.of());
  }

  private static void assertRefused(String message, Executable setting) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, setting).getMessage());
  }

  @Test
  void namedTypesAreSubscribedByName() {
    WebhookSettings settings = new WebhookSettings(dispatcher, api, "127.0.0.1", 0, "/", SECRET,
        Optional.empty(), false, Duration.ofSeconds(25), Duration.ofSeconds(5), 16,
        Set.of("message_created"), WireJson.create(), ApiDialect.TAMTAM, List.of(), List.of());

    assertEquals(List.of("message_created"), settings.subscribedTypes());
  }
}
