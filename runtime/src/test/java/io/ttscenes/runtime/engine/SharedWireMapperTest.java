package io.ttscenes.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertSame;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.json.WireJson;
import io.ttscenes.runtime.store.InMemorySessionStore;
import org.junit.jupiter.api.Test;

/** Jackson builds its readers and writers per mapper: one shared default builds them once per process. */
final class SharedWireMapperTest {
  @Test
  void aDispatcherWithoutAMapperOfItsOwnUsesTheSharedWireMapper() {
    Bot bot = Bot.builder("shared-mapper").root(r -> r.onText(ctx -> { })).build();
    // The warm-up's rehearsal uses it too, so what Jackson built there is what the first real updates use.
    assertSame(WireJson.MAPPER, Dispatcher.builder(bot, InMemorySessionStore.create(), new RecordingBotApi()).mapper());
  }
}
