package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.store.ForwardingSessionStore;
import io.ttscenes.api.store.StoredSession;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The kit starts its bot without the runtime's warm-up: a kit test is not latency-sensitive, and
 * a warm-up on every start (up to a second on a cold JVM) would add minutes to a suite of them.
 */
final class KitWarmUpTest {
  @Test
  void aTesterStartsAndRestartsItsBotWithoutWarmingUp() {
    LoadedKeys store = new LoadedKeys();
    try (BotTester bot = BotTester.builder(GreeterBot.create()).store(store).build().start()) {
      bot.user("Ann").sends("/hello").expectReply("Hello, Ann! (1)");
      bot.restart();
      bot.user("Ann").sends("/hello").expectReply("Hello, Ann! (2)");
    }
    // The warm-up opens the store's connections by reading keys no session has, on start.
    assertEquals(0, store.keys.stream().filter(key -> key.contains("warm-up")).count(),
        "keys the warm-up read, of " + store.keys.size() + " loads");
  }

  /** The kit's in-memory store, remembering every key loaded. */
  private static final class LoadedKeys extends ForwardingSessionStore {
    final List<String> keys = new CopyOnWriteArrayList<>();

    LoadedKeys() {
      super(InMemorySessionStore.create());
    }

    @Override
    public Optional<StoredSession> load(String key) {
      keys.add(key);
      return super.load(key);
    }
  }
}
