package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.runtime.client.OkHttpBotApi;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.json.WireJson;
import io.ttscenes.testkit.BotMessage;
import io.ttscenes.testkit.EmulatedUser;
import io.ttscenes.testkit.Emulator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A busy session on Redis: TamTam delivers an update again (after a 503 or a lost answer) once the
 * session has committed many more than 64 others; the repeat is recognised and not handled twice.
 */
final class BusySessionDedupeTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();
  private static final AtomicLong TIMESTAMPS = new AtomicLong(1_777_000_000_000L);

  @Test
  void aRepeatedDeliveryAfterManyUpdatesOfABusySessionIsNotHandledAgain() throws Exception {
    try (Emulator emulator = Emulator.start(0);
        RedisSessionStore store = RedisSessionStore.create(
            RedisConfig.fromUrl(REDIS.url()).newBuilder().botName("busy-dedupe").build())) {
      EmulatedUser user = emulator.user("alice");
      Bot echo = Bot.builder("busy-dedupe").root(r -> r.onText(ctx -> ctx.reply("echo " + ctx.text()))).build();
      OkHttpBotApi api = OkHttpBotApi.builder(emulator.token()).baseUrl(emulator.baseUrl())
          .requestsPerSecond(100_000).build();
      try (Dispatcher dispatcher = Dispatcher.builder(echo, store, api).build()) {
        String first = update(user, "first");
        dispatcher.submit(read(first)).get(10, TimeUnit.SECONDS);
        int others = SessionStore.RECENT_UPDATE_IDS * 3;
        CompletableFuture<?>[] busy = IntStream.range(0, others)
            .mapToObj(i -> dispatcher.submit(read(update(user, "m" + i)))).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(busy).get(60, TimeUnit.SECONDS);

        dispatcher.submit(read(first)).get(10, TimeUnit.SECONDS);

        List<String> replies = user.messages().stream()
            .filter(m -> m.json().path("sender").path("user_id").asLong() != user.userId())
            .map(BotMessage::text).toList();
        assertEquals(others + 1, replies.size());
        assertEquals(1, replies.stream().filter("echo first"::equals).count(), "the repeat ran again");
      }
    }
  }

  private static Update read(String json) {
    try {
      return WireJson.MAPPER.readValue(json, Update.class);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String update(EmulatedUser user, String text) {
    long ts = TIMESTAMPS.incrementAndGet();
    String sender = "{\"user_id\":" + user.userId() + ",\"first_name\":\"Alice\",\"is_bot\":false,"
        + "\"last_activity_time\":0,\"name\":\"Alice\"}";
    return "{\"update_type\":\"message_created\",\"timestamp\":" + ts + ",\"message\":{"
        + "\"sender\":" + sender + ",\"recipient\":{\"chat_id\":" + user.chatId()
        + ",\"chat_type\":\"dialog\",\"user_id\":" + user.userId() + "},\"timestamp\":" + ts
        + ",\"body\":{\"mid\":\"mid.alice." + ts + "\",\"seq\":" + ts + ",\"text\":\"" + text
        + "\"}},\"user_locale\":\"en\"}";
  }
}
