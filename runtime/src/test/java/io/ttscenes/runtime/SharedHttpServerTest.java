package io.ttscenes.runtime;

import static io.ttscenes.runtime.fake.Updates.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.admin.AdminSettings;
import io.ttscenes.runtime.fake.FakeTamTam;
import io.ttscenes.runtime.ingress.WebhookIngress;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook and the admin endpoint run on one embedded server, each on its own port only. */
final class SharedHttpServerTest {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Bot bot = Bot.builder("shared").root(r -> r.onText(ctx -> ctx.reply("echo " + ctx.text()))).build();
  private FakeTamTam tamtam;
  private BotRuntime runtime;
  private String hookPath;

  @BeforeEach
  void start() throws Exception {
    tamtam = FakeTamTam.start();
    RuntimeConfig config = RuntimeConfig.from(Map.of("TAMTAM_TOKEN", "token-a", "TAMTAM_API_URL", tamtam.url(),
        "WEBHOOK_URL", "https://bot.example.com/hook", "WEBHOOK_PORT", "0", "TTSCENES_TIMER_PERIOD_MS", "3600000"));
    runtime = BotRuntime.builder(bot, config).store(InMemorySessionStore.create(), true)
        .admin(AdminSettings.on("127.0.0.1", 0)).build();
    runtime.start();
    String subscribe = tamtam.events().stream().filter(e -> e.startsWith("subscribe:")).findFirst().orElseThrow();
    hookPath = URI.create(subscribe.replaceAll(".*\"url\":\"([^\"]*)\".*", "$1")).getRawPath();
  }

  @AfterEach
  void stop() {
    runtime.close();
    tamtam.close();
  }

  @Test
  void theWebhookAndTheAdminPagesAnswerEachOnItsOwnPortOnly() throws Exception {
    String hook = "http://127.0.0.1:" + webhookPort();
    String admin = runtime.adminUrl().orElseThrow();

    HttpResponse<String> delivered = post(hook + hookPath);
    assertEquals(200, delivered.statusCode());
    assertEquals(List.of("echo hello"), tamtam.texts());
    assertTrue(delivered.headers().firstValue("Server").isEmpty(), "no server version on the public port");
    HttpResponse<String> metrics = get(admin + "/metrics");
    assertEquals(200, metrics.statusCode());
    assertTrue(metrics.body().contains("bot=\"shared\""), metrics.body());
    assertEquals(404, get(hook + "/metrics").statusCode(), "admin pages are not served on the public webhook port");
    assertEquals(404, post(admin + hookPath).statusCode(), "the webhook is not served on the admin port");
    assertEquals(List.of("echo hello"), tamtam.texts());
  }

  // The JDK server needed this JVM-wide property to bound slow requests; Jetty needs none.
  @Test
  void theWebhookSetsNoJvmWideServerProperty() {
    assertNull(System.getProperty("sun.net.httpserver.maxReqTime"));
  }

  @Test
  void stoppingTheWebhookClosesItsPortWhileTheAdminPagesStayUpUntilClose() throws Exception {
    int port = webhookPort();
    String admin = runtime.adminUrl().orElseThrow();

    assertTrue(runtime.ingress().stop(Duration.ofSeconds(5)));

    assertThrows(ConnectException.class, () -> post("http://127.0.0.1:" + port + hookPath));
    assertEquals(200, get(admin + "/health/live").statusCode());
    runtime.close();
    assertThrows(ConnectException.class, () -> get(admin + "/health/live"));
  }

  @Test
  void anAdminPortInUseIsRefusedNamingTheAddressAndStopsTheWebhookAgain() throws Exception {
    int taken = webhookPort();
    RuntimeConfig config = RuntimeConfig.from(Map.of("TAMTAM_TOKEN", "token-b", "TAMTAM_API_URL", tamtam.url(),
        "WEBHOOK_URL", "https://bot.example.com/other", "WEBHOOK_PORT", "0", "TTSCENES_TIMER_PERIOD_MS", "3600000"));
    BotRuntime second = BotRuntime.builder(bot, config).store(InMemorySessionStore.create(), true)
        .admin(AdminSettings.on("127.0.0.1", taken)).build();

    java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class, second::start);

    assertTrue(e.getMessage().contains("the admin server: cannot listen on 127.0.0.1:" + taken), e.getMessage());
    assertFalse(second.ingress().receiving(), "the refused runtime's webhook is stopped again");
    assertEquals(200, post("http://127.0.0.1:" + taken + hookPath).statusCode(), "the first bot keeps its port");
  }

  private int webhookPort() {
    return ((WebhookIngress) runtime.ingress()).port();
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(message(9, "hello")))
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
  }
}
