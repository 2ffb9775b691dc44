package io.ttscenes.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import io.ttscenes.api.client.BotApi;
import io.ttscenes.api.store.SessionStore;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Guice wiring of one bot: {@code Guice.createInjector(new RuntimeModule(config), new MyScenes())}
 * gives a {@link BotRuntime}. Scenes are contributed with {@link #scenes(Binder)}, bot-wide
 * settings with {@link #settings(Binder)}. Overridable: {@link SessionStore} (default: the store
 * {@code REDIS_URL} names through a {@code SessionStoreProvider} on the classpath, else in-memory;
 * bind it directly, as storage-redis's {@code RedisStoreModule} does, or with
 * {@code OptionalBinder.setBinding()}), {@link BotApi} (default {@code OkHttpBotApi} from the
 * config), {@link MeterRegistry} (default {@link SimpleMeterRegistry}; the runtime's meters go to
 * it as well as to the Prometheus registry its admin endpoint serves) and {@link Clock} (default system UTC) — the last two with
 * {@code OptionalBinder.setBinding()}.
 *
 * <p>{@code configure()} does no I/O. The bot and the runtime are eager singletons, so every
 * wiring problem (invalid scenes, {@code REDIS_URL} with no store module for it, missing bindings)
 * fails {@code createInjector} with one {@code CreationException} listing them all. The runtime
 * owns the store it is given and closes it on {@link BotRuntime#close()}.
 */
public final class RuntimeModule extends AbstractModule {
  private final RuntimeConfig config;

  /** A module for the bot that {@code config} describes. */
  public RuntimeModule(RuntimeConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** The set binder that scenes are contributed to, e.g. {@code scenes(binder()).addBinding().toInstance(scene)}. */
  public static Multibinder<Scene<?>> scenes(Binder binder) {
    return Multibinder.newSetBinder(binder, new TypeLiteral<Scene<?>>() {});
  }

  /** The set binder that {@link BotSettings} are contributed to. */
  public static Multibinder<BotSettings> settings(Binder binder) {
    return Multibinder.newSetBinder(binder, BotSettings.class);
  }

  @Override
  protected void configure() {
    bind(RuntimeConfig.class).toInstance(config);
    scenes(binder());
    settings(binder());
    OptionalBinder.newOptionalBinder(binder(), SessionStore.class);
    OptionalBinder.newOptionalBinder(binder(), BotApi.class);
    OptionalBinder.newOptionalBinder(binder(), Clock.class).setDefault().toInstance(Clock.systemUTC());
    OptionalBinder.newOptionalBinder(binder(), MeterRegistry.class).setDefault().to(SimpleMeterRegistry.class);
    bind(SimpleMeterRegistry.class).in(Singleton.class);
    bind(Bot.class).toProvider(BotProvider.class).asEagerSingleton();
    // Its own eager binding, so a store problem is reported next to the bot's problems.
    bind(ChosenStore.class).toProvider(StoreProvider.class).asEagerSingleton();
    bind(BotRuntime.class).toProvider(RuntimeProvider.class).asEagerSingleton();
  }

  /** Builds the bot from the configured name, the contributed scenes and settings. */
  static final class BotProvider implements Provider<Bot> {
    private final RuntimeConfig config;
    private final Set<Scene<?>> scenes;
    private final Set<BotSettings> settings;

    @Inject
    BotProvider(RuntimeConfig config, Set<Scene<?>> scenes, Set<BotSettings> settings) {
      this.config = config;
      this.scenes = scenes;
      this.settings = settings;
    }

    @Override
    public Bot get() {
      Bot.Builder builder = Bot.builder(config.botName());
      scenes.forEach(builder::scene);
      settings.forEach(setting -> setting.configure(builder));
      return builder.build();
    }
  }

  /** The store the runtime uses: the bound one or the in-memory default. */
  record ChosenStore(SessionStore store) {}

  /** Picks the bound store, else the one {@code REDIS_URL} names (see {@link DefaultStores}), else memory. */
  static final class StoreProvider implements Provider<ChosenStore> {
    private final RuntimeConfig config;
    private final Optional<SessionStore> bound;

    @Inject
    StoreProvider(RuntimeConfig config, Optional<SessionStore> bound) {
      this.config = config;
      this.bound = bound;
    }

    @Override
    public ChosenStore get() {
      return new ChosenStore(bound.orElseGet(() -> DefaultStores.open(config, config.botName())));
    }
  }

  /** Builds the runtime from the bot and whatever store, API, clock and registry are bound. */
  static final class RuntimeProvider implements Provider<BotRuntime> {
    private final Bot bot;
    private final RuntimeConfig config;
    private final ChosenStore store;
    private final Optional<BotApi> api;
    private final Clock clock;
    private final MeterRegistry registry;

    @Inject
    RuntimeProvider(Bot bot, RuntimeConfig config, ChosenStore store, Optional<BotApi> api,
        Clock clock, MeterRegistry registry) {
      this.bot = bot;
      this.config = config;
      this.store = store;
      this.api = api;
      this.clock = clock;
      this.registry = registry;
    }

    @Override
    public BotRuntime get() {
      BotRuntime.Builder builder = BotRuntime.builder(bot, config).clock(clock)
          .meterRegistry(registry).store(store.store(), true);
      api.ifPresent(builder::api);
      return builder.build();
    }
  }
}
