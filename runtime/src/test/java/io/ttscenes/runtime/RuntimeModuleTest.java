package io.ttscenes.runtime;

import static io.ttscenes.runtime.fake.Updates.botStarted;
import static io.ttscenes.runtime.fake.Updates.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.runtime.fake.FakeTamTam;
import io.ttscenes.runtime.fake.ScriptedStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class RuntimeModuleTest {
  private FakeTamTam tamtam;

  @BeforeEach
  void startTamTam() throws Exception {
    tamtam = FakeTamTam.start();
  }

  @AfterEach
  void stopTamTam() {
    tamtam.close();
  }

  /** What a user writes: two scenes and the bot-wide settings. */
  static final class ShopScenes extends AbstractModule {
    @Override
    protected void configure() {
      RuntimeModule.scenes(binder()).addBinding().toInstance(Scene.builder("menu")
          .onEnter(ctx -> ctx.reply("Menu"))
          .onText(text -> text.equals("order"), ctx -> ctx.enter("order"))
          .transitionsTo("order")
          .build());
      RuntimeModule.scenes(binder()).addBinding().toInstance(Scene.builder("order")
          .onEnter(ctx -> ctx.reply("What would you like?"))
          .onText(ctx -> ctx.reply("Ordered " + ctx.text()).leave())
          .build());
      RuntimeModule.settings(binder()).addBinding().toInstance(bot -> bot
          .root(root -> root.onBotStarted(ctx -> ctx.enter("menu"))));
    }
  }

  @Test
  void injectorBuildsARuntimeFromAModuleWithTwoScenes() throws Exception {
    Injector injector = Guice.createInjector(new RuntimeModule(config()), new ShopScenes());
    BotRuntime runtime = injector.getInstance(BotRuntime.class);
    assertSame(runtime, injector.getInstance(BotRuntime.class));
    Bot bot = injector.getInstance(Bot.class);
    assertTrue(bot.scene("menu").isPresent() && bot.scene("order").isPresent());

    runtime.start();
    tamtam.push(botStarted(5, ""), message(5, "order"), message(5, "tea"));
    assertEquals(List.of("Menu", "What would you like?", "Ordered tea"), tamtam.awaitTexts(3));
    runtime.close();

    MeterRegistry registry = injector.getInstance(MeterRegistry.class);
    assertEquals(3.0, registry.get("ttscenes.updates").tag("bot", "shop").counters().stream()
        .mapToDouble(c -> c.count()).sum());
  }

  @Test
  void aStoreBoundDirectlyReplacesTheInMemoryDefaultAsRedisStoreModuleDoes() throws Exception {
    ScriptedStore store = new ScriptedStore();
    Injector injector = Guice.createInjector(new RuntimeModule(config()), new ShopScenes(),
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(SessionStore.class).toInstance(store);
          }
        });
    BotRuntime runtime = injector.getInstance(BotRuntime.class);
    runtime.start();
    tamtam.push(botStarted(5, ""));
    tamtam.awaitTexts(1);
    runtime.close();

    assertTrue(store.events().contains("commit:u:5:c:5"), store.events().toString());
    assertEquals("close", store.events().get(store.events().size() - 1), "the runtime closes its store");
    store.dispose();
  }

  @Test
  void aStoreSetThroughTheOptionalBinderIsUsedToo() {
    ScriptedStore store = new ScriptedStore();
    Injector injector = Guice.createInjector(new RuntimeModule(config()), new ShopScenes(),
        new AbstractModule() {
          @Override
          protected void configure() {
            OptionalBinder.newOptionalBinder(binder(), SessionStore.class).setBinding().toInstance(store);
          }
        });
    injector.getInstance(BotRuntime.class).dispatcher().recoverOutboxes().join();

    assertEquals(List.of("pendingOutboxes"), store.events());
    store.dispose();
  }

  @Test
  void anOverriddenMeterRegistryReceivesTheRuntimesMeters() throws Exception {
    SimpleMeterRegistry mine = new SimpleMeterRegistry();
    Injector injector = Guice.createInjector(new RuntimeModule(config()), new ShopScenes(),
        new AbstractModule() {
          @Override
          protected void configure() {
            OptionalBinder.newOptionalBinder(binder(), MeterRegistry.class).setBinding().toInstance(mine);
          }
        });
    BotRuntime runtime = injector.getInstance(BotRuntime.class);
    runtime.start();
    tamtam.push(botStarted(5, ""));
    tamtam.awaitTexts(1);
    runtime.close();

    assertEquals(1.0, mine.get("ttscenes.updates").tag("type", "bot_started").counter().count());
  }

  @Test
  void everyWiringProblemFailsTheInjectorTogether() {
    RuntimeConfig withRedis = RuntimeConfig.from(Map.of("TAMTAM_API_URL", tamtam.url(),
        "TTSCENES_BOT_NAME", "shop", "REDIS_URL", "redis://127.0.0.1:1"));
    AbstractModule broken = new AbstractModule() {
      @Override
      protected void configure() {
        RuntimeModule.scenes(binder()).addBinding().toInstance(Scene.builder("menu").transitionsTo("nowhere").build());
        RuntimeModule.scenes(binder()).addBinding().toInstance(Scene.builder("menu").onText(ctx -> {}).build());
      }
    };

    CreationException e = assertThrows(CreationException.class,
        () -> Guice.createInjector(new RuntimeModule(withRedis), broken));

    String message = e.getMessage();
    assertTrue(message.contains("bot 'shop' has 2 problems"), message);
    assertTrue(message.contains("menu"), message);
    assertTrue(message.contains("nowhere"), message);
    assertTrue(message.contains("REDIS_URL is set, but no store for redis:// is on the classpath"), message);
  }

  private RuntimeConfig config() {
    return RuntimeConfig.from(Map.of("TAMTAM_API_URL", tamtam.url(), "TTSCENES_BOT_NAME", "shop",
        "TTSCENES_POLL_TIMEOUT_SECONDS", "1"));
  }
}
