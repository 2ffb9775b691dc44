package io.ttscenes.runtime;

import io.ttscenes.api.Bot;
import io.ttscenes.api.client.BotApi;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.runtime.client.OkHttpBotApi;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ttscenes.runtime.admin.AdminSettings;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.engine.MicrometerRuntimeListener;
import io.ttscenes.runtime.engine.RuntimeListener;
import io.ttscenes.runtime.http.EmbeddedServer;
import io.ttscenes.runtime.ingress.Ingress;
import io.ttscenes.runtime.ingress.LongPollIngress;
import io.ttscenes.runtime.ingress.PollerLease;
import io.ttscenes.runtime.ingress.WebhookIngress;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The assembled pieces of a {@link BotRuntime}, and which of them it must close. */
record RuntimeParts(
    Bot bot,
    RuntimeConfig config,
    SessionStore store,
    boolean ownsStore,
    BotApi api,
    boolean ownsApi,
    Clock clock,
    Dispatcher dispatcher,
    Ingress ingress,
    ScheduledExecutorService scheduler,
    String instanceId,
    Optional<InstanceSlot> slot,
    OutboxRecovery recovery,
    PrometheusMeterRegistry prometheus,
    MeterRegistry meters,
    AdminSettings admin,
    EmbeddedServer http) {
  private static final Logger LOG = LoggerFactory.getLogger(BotRuntime.class);

  static RuntimeParts assemble(BotRuntime.Builder b) {
    RuntimeConfig config = b.config;
    boolean ownsStore = b.store == null || b.ownsStore;
    SessionStore store = b.store != null ? b.store : DefaultStores.open(config, b.bot.name());
    boolean ownsApi = b.api == null;
    PrometheusMeterRegistry prometheus = b.meterRegistry instanceof PrometheusMeterRegistry given
        ? given : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MeterRegistry meters = meters(prometheus, b.meterRegistry);
    RuntimeListener listener = Listeners.of(new MicrometerRuntimeListener(meters, b.bot.name()), b.listener);
    // The runtime's clock is not handed to the client: the client paces its rate limit on the
    // monotonic clock, which a wall-clock step (NTP, a restored VM) cannot stall. Unreadable
    // updates of a page come back with the page: long polling hands them to the dispatcher.
    BotApi api = b.api != null ? b.api : OkHttpBotApi.builder(config.token())
        .baseUrl(config.apiUrl().toString()).authMode(config.dialect().authMode()).build();
    String instanceId = UUID.randomUUID().toString();
    // A dead process that held this slot left leases that would otherwise keep everyone waiting
    // for their TTL: the poller, recovery and instance leases are taken over at once.
    // Slots are the bot's on its store: another bot or store on this machine has slots of its own.
    Optional<InstanceSlot> slot = InstanceSlot.claim(config.stateDir(), b.bot.name(), slotOwner(config), instanceId);
    Optional<String> predecessor = slot.flatMap(InstanceSlot::predecessor);
    predecessor.ifPresent(dead -> takeOver(store, dead));
    Dispatcher.Builder dispatching = Dispatcher.builder(b.bot, store, api).clock(b.clock);
    predecessor.ifPresent(dispatching::predecessor);
    Dispatcher dispatcher = dispatching
        .parallelism(config.parallelism()).queueCapacity(config.queueCapacity())
        .instanceId(instanceId, config.pollerLease()).handlerDeadline(config.handlerDeadline())
        .clearSentOutboxesAfter(BotRuntime.CLEAR_DELAY).logContent(config.logContent()).listener(listener).build();
    // Built first, so that both the ingress that takes it and the recovery that follows it depend
    // on it and on nothing of each other.
    Optional<PollerLease> pollerLease = config.usesWebhook() ? Optional.empty()
        : Optional.of(PollerLease.create(store, instanceId, config.pollerLease(), predecessor,
            "ttscenes-" + b.bot.name() + "-poll-lease"));
    OutboxRecovery recovery = recovery(config, store, dispatcher, pollerLease, instanceId, b.bot.name());
    // One HTTP server for the process: the webhook and the admin endpoint each listen on it.
    EmbeddedServer http = config.usesWebhook() || b.admin.enabled() ? EmbeddedServer.create() : null;
    Ingress ingress = pollerLease.isPresent() ? longPolling(b, api, dispatcher, store, pollerLease.get())
        : webhook(config, dispatcher, api, http);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "ttscenes-" + b.bot.name() + "-timers");
      thread.setDaemon(true);
      return thread;
    });
    return new RuntimeParts(b.bot, config, store, ownsStore, api, ownsApi, b.clock, dispatcher,
        ingress, scheduler, instanceId, slot, recovery, prometheus, meters, b.admin, http);
  }

  /**
   * The registry the meters go to: the Prometheus one the admin endpoint scrapes, plus the
   * user's registry when it is another kind.
   */
  private static MeterRegistry meters(PrometheusMeterRegistry prometheus, MeterRegistry user) {
    if (user == null || user == prometheus) {
      return prometheus;
    }
    CompositeMeterRegistry both = new CompositeMeterRegistry();
    both.add(prometheus);
    both.add(user);
    return both;
  }

  /**
   * With long polling the poller lease holder recovers; with webhooks the instances elect one
   * through the store unless TTSCENES_OUTBOX_RECOVERY=false keeps this one out.
   */
  private static OutboxRecovery recovery(RuntimeConfig config, SessionStore store, Dispatcher dispatcher,
      Optional<PollerLease> pollerLease, String instanceId, String botName) {
    if (pollerLease.isPresent()) {
      return OutboxRecovery.following(dispatcher, config.outboxRecovery(), pollerLease.get());
    }
    if (!config.outboxRecovery()) {
      return new OutboxRecovery(dispatcher, false, () -> false);
    }
    return new OutboxRecovery(dispatcher, new RecoveryLease(store, instanceId, config.pollerLease(),
        "ttscenes-" + botName + "-recovery-lease"));
  }

  private static Ingress longPolling(BotRuntime.Builder b, BotApi api, Dispatcher dispatcher, SessionStore store,
      PollerLease lease) {
    return LongPollIngress.builder(api, dispatcher, store).limit(b.config.pollLimit())
        .timeoutSeconds(b.config.pollTimeoutSeconds()).clock(b.clock).lease(lease)
        .threadName("ttscenes-" + b.bot.name() + "-poll").build();
  }

  private static Ingress webhook(RuntimeConfig config, Dispatcher dispatcher, BotApi api, EmbeddedServer http) {
    WebhookIngress.Builder builder = WebhookIngress.builder(dispatcher, api).server(http)
        .listen("0.0.0.0", config.webhookPort()).path(config.webhookPath())
        .unsubscribeOnStop(config.webhookUnsubscribeOnClose()).dialect(config.dialect())
        .allow(config.webhookAllow()).trustedProxies(config.webhookTrustedProxies())
        // Stable across restarts: TamTam retries a failed delivery to the URL it was given.
        .secret(config.webhookSecret().orElseGet(() -> DerivedSecret.of(config.token())));
    config.webhookUrl().ifPresent(url -> builder.publicUrl(url.toString()));
    return builder.build();
  }

  /** The bot (its token) and the store it keeps its leases in (its address, without the password). */
  private static String slotOwner(RuntimeConfig config) {
    String store = config.redisUrl().map(url -> url.getScheme() + "://"
        + String.valueOf(url.getRawAuthority()).replaceFirst("^.*@", "") + url.getRawPath()).orElse("memory");
    return config.token() + "\n" + store;
  }

  /** Frees the recovery lease a dead predecessor of this instance held, so the election need not wait. */
  private static void takeOver(SessionStore store, String dead) {
    LOG.info("instance {} of this slot is gone; its leases are taken over at once", dead);
    try {
      store.releaseLease(RecoveryLease.NAME, dead);
    } catch (RuntimeException e) {
      LOG.warn("could not free the recovery lease of instance {} ({}); it expires", dead, e.getMessage());
    }
  }

  /** Stops the HTTP server (the webhook's and admin endpoint's ports), if either was on. */
  void closeHttp() {
    if (http != null) {
      http.close();
    }
  }

  /** Closes the API (when it can be closed) and the store, if this runtime owns them. */
  void closeOwned() {
    slot.ifPresent(InstanceSlot::close);
    if (ownsApi && api instanceof AutoCloseable closeable) {
      close("Bot API client", closeable);
    }
    if (ownsStore) {
      close("session store", store);
    }
  }

  private static void close(String what, AutoCloseable closeable) {
    try {
      closeable.close();
      LOG.info("closed the {}", what);
    } catch (Exception e) {
      LOG.warn("closing the {} failed: {}", what, e.getMessage());
    }
  }
}
