package io.ttscenes.runtime.admin;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ttscenes.api.Bot;
import io.ttscenes.api.client.Html;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.http.EmbeddedServer;
import io.ttscenes.runtime.ingress.Ingress;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The admin endpoint of one running bot: {@code /metrics} (Prometheus text),
 * {@code /health/live}, {@code /health/ready}, {@code /graph.mmd}, {@code /graph},
 * {@code /funnels}, {@code /dead-letters} (JSON) and {@code POST /dead-letters/replay?id=<id>}.
 * {@code BotRuntime} starts one when {@code TTSCENES_ADMIN_PORT} is set; close
 * it to stop serving. Thread-safe.
 */
public final class BotAdmin implements AutoCloseable {
  private final AdminServer server;
  private final Health health;

  private BotAdmin(AdminServer server, Health health) {
    this.server = server;
    this.health = health;
  }

  /**
   * Starts serving the pages of {@code bot} on {@code settings}' address, as a listener of
   * {@code server} (the one the webhook, if any, listens on too); throws
   * {@link IllegalArgumentException} when the settings are off and
   * {@link java.io.UncheckedIOException} when the address cannot be bound.
   */
  public static BotAdmin start(AdminSettings settings, EmbeddedServer server, Bot bot, SessionStore store, Ingress ingress,
      Dispatcher dispatcher, PrometheusMeterRegistry registry) {
    if (!settings.enabled()) {
      throw new IllegalArgumentException("the admin endpoint is off (TTSCENES_ADMIN_PORT is not set)");
    }
    Objects.requireNonNull(registry, "registry");
    Health health = new Health(store, ingress, dispatcher);
    Supplier<String> graph = () -> SceneGraph.mermaid(bot, registry);
    byte[] mermaid = Assets.read(Assets.mermaidResource());
    AdminServer pages = AdminServer.builder(settings.host(), settings.port().getAsInt()).on(server)
        .page("/metrics", () -> Reply.text(200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()))
        .page("/health/live", health::live)
        .page("/health/ready", health::ready)
        .page("/graph.mmd", () -> Reply.text(200, "text/plain; charset=utf-8", graph.get()))
        .page("/graph", () -> Reply.html(GraphPage.html(bot.name(), graph.get())))
        .page("/funnels", () -> Reply.html(FunnelPage.html(bot.name(), Funnels.of(bot, registry))))
        .page(GraphPage.MERMAID_PATH, () -> new Reply(200, "text/javascript; charset=utf-8", mermaid))
        .mount(DeadLetterPages.LIST, new DeadLetterPages(dispatcher, settings.host()))
        .mount(DeadLetterPages.REPLAY, new DeadLetterPages(dispatcher, settings.host()))
        .page("/", () -> Reply.html(index(bot.name())))
        .start();
    return new BotAdmin(pages, health);
  }

  /** The port the endpoint listens on. */
  public int port() {
    return server.port();
  }

  /** The endpoint's base URL, e.g. {@code http://127.0.0.1:9100}. */
  public String url() {
    return server.url();
  }

  /** Stops serving; idempotent. */
  @Override
  public void close() {
    server.close();
    health.close();
  }

  private static String index(String botName) {
    return Assets.text("page-head.html").replace("{{title}}", Html.escape(botName) + ": admin")
        + "<h1>" + Html.escape(botName) + "</h1>\n<ul>\n"
        + "<li><a href=\"/graph\">Scene graph</a> (<a href=\"/graph.mmd\">Mermaid</a>)</li>\n"
        + "<li><a href=\"/funnels\">Funnels</a></li>\n<li><a href=\"/metrics\">Metrics</a></li>\n"
        + "<li><a href=\"/dead-letters\">Dead letters</a> (JSON)</li>\n"
        + "<li><a href=\"/health/ready\">Readiness</a></li>\n</ul>\n</body>\n</html>\n";
  }
}
