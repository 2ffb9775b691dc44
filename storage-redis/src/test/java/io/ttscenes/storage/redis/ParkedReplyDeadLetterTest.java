package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.store.DeadLetter;
import io.ttscenes.api.testing.FakeClock;
import io.ttscenes.runtime.client.OkHttpBotApi;
import io.ttscenes.runtime.client.RetryPolicy;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.json.WireJson;
import io.ttscenes.testkit.BotMessage;
import io.ttscenes.testkit.EmulatedUser;
import io.ttscenes.testkit.Emulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reply TamTam keeps refusing (503) is retried a bounded number of times and for a bounded age,
 * then kept as a dead letter in Redis, and the session's later replies no longer wait behind it;
 * replaying the letter sends the reply once.
 */
final class ParkedReplyDeadLetterTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();
  private static final AtomicInteger BOTS = new AtomicInteger();
  private static final AtomicLong TIMESTAMPS = new AtomicLong(1_776_000_000_000L);

  private final String botName = "parked-bot-" + BOTS.incrementAndGet();
  private final FakeClock clock = FakeClock.atEpochSecond(1_776_000_000L);
  private final Emulator emulator = Emulator.start(0);
  private final EmulatedUser user = emulator.user("alice");
  private final RedisSessionStore store = RedisSessionStore.create(
      RedisConfig.fromUrl(REDIS.url()).newBuilder().botName(botName).build());
  private final Bot echo = Bot.builder(botName).root(r -> r.onText(ctx -> ctx.reply("echo " + ctx.text()))).build();

  @AfterEach
  void close() {
    store.close();
    emulator.close();
  }

  private Dispatcher dispatcher(int attempts, Duration age) {
    return dispatcher(echo, attempts, age);
  }

  private Dispatcher dispatcher(Bot bot, int attempts, Duration age) {
    OkHttpBotApi api = OkHttpBotApi.builder(emulator.token()).baseUrl(emulator.baseUrl())
        .retryPolicy(RetryPolicy.none()).build();
    return Dispatcher.builder(bot, store, api).clock(clock).parkedReplyLimits(attempts, age).build();
  }

  @Test
  void aReplyThatKeepsFailingIsDeadLetteredAfterItsAttemptsAndTheSessionsNextReplyGoes() throws Exception {
    try (Dispatcher dispatcher = dispatcher(3, Duration.ofHours(1))) {
      emulator.faults().unavailable("/messages", 1_000);
      handle(dispatcher, "one");
      assertEquals(0, dispatcher.retryParkedOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(0, dispatcher.retryParkedOutboxes().get(10, TimeUnit.SECONDS), "third failed send");
      emulator.faults().clear();

      handle(dispatcher, "two");

      assertEquals(List.of("echo two"), replies(), "the given-up reply no longer holds the next one back");
      List<DeadLetter> letters = store.deadLetters(10);
      assertEquals(1, letters.size());
      DeadLetter letter = letters.get(0);
      assertEquals(DeadLetter.Kind.REPLY, letter.kind());
      assertEquals("u:" + user.userId() + ":c:" + user.chatId(), letter.session());
      assertTrue(letter.error().startsWith("sendMessage still failed as retryable after 3 attempt(s)"),
          letter.error());
      assertTrue(letter.payload().contains("echo one"), letter.payload());
      assertEquals(0, dispatcher.retryParkedOutboxes().get(10, TimeUnit.SECONDS), "nothing is parked any more");
      assertEquals(0, store.pendingOutboxes(10).size(), "the given-up entry left the store's outbox");

      dispatcher.replayDeadLetter(letter.id()).orElseThrow().get(10, TimeUnit.SECONDS);
      assertEquals(List.of("echo two", "echo one"), replies(), "the replay sent the reply once");
      assertEquals(List.of(), store.deadLetters(10));
      assertTrue(dispatcher.replayDeadLetter(letter.id()).isEmpty(), "a letter is replayed once");
    }
  }

  @Test
  void aReplyWhoseSendsGoOnMakingProgressIsNotGivenUpAfterFailuresOfDifferentCalls() throws Exception {
    Bot three = Bot.builder(botName).root(r -> r.onText(ctx -> {
      ctx.reply(ctx.text() + "-1");
      ctx.reply(ctx.text() + "-2");
      ctx.reply(ctx.text() + "-3");
    })).build();
    try (Dispatcher dispatcher = dispatcher(three, 2, Duration.ofHours(1))) {
      emulator.faults().unavailable("/messages", 1);
      handle(dispatcher, "one");
      // This retry sends the first call, then the second fails: a failure of another call, not a repeat.
      emulator.faults().delay("/messages", 1, Duration.ZERO).unavailable("/messages", 1);
      dispatcher.retryParkedOutboxes().get(10, TimeUnit.SECONDS);
      assertEquals(List.of(), store.deadLetters(10), "each call failed once: the reply is still parked");

      assertEquals(1, dispatcher.retryParkedOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(List.of("one-1", "one-2", "one-3"), replies(), "every call is sent once");
    }
  }

  @Test
  void aReplyParkedLongerThanItsAgeIsDeadLetteredAtItsNextFailedSend() throws Exception {
    try (Dispatcher dispatcher = dispatcher(1_000, Duration.ofMinutes(10))) {
      emulator.faults().unavailable("/messages", 1_000);
      handle(dispatcher, "one");
      clock.advance(Duration.ofMinutes(9));
      dispatcher.retryParkedOutboxes().get(10, TimeUnit.SECONDS);
      assertEquals(List.of(), store.deadLetters(10), "younger than its age: still parked");

      clock.advance(Duration.ofMinutes(1));
      dispatcher.retryParkedOutboxes().get(10, TimeUnit.SECONDS);

      List<DeadLetter> letters = store.deadLetters(10);
      assertEquals(1, letters.size());
      assertTrue(letters.get(0).error().contains("after 3 attempt(s) over 600 s"), letters.get(0).error());
      emulator.faults().clear();
      assertEquals(0, dispatcher.retryParkedOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(List.of(), replies(), "a given-up reply is not posted again");
    }
  }

  private void handle(Dispatcher dispatcher, String text) throws Exception {
    dispatcher.submit(update(text)).get(10, TimeUnit.SECONDS);
  }

  private Update update(String text) throws Exception {
    long ts = TIMESTAMPS.incrementAndGet();
    String sender = "{\"user_id\":" + user.userId() + ",\"first_name\":\"Alice\",\"is_bot\":false,"
        + "\"last_activity_time\":0,\"name\":\"Alice\"}";
    String json = "{\"update_type\":\"message_created\",\"timestamp\":" + ts + ",\"message\":{"
        + "\"sender\":" + sender + ",\"recipient\":{\"chat_id\":" + user.chatId()
        + ",\"chat_type\":\"dialog\",\"user_id\":" + user.userId() + "},\"timestamp\":" + ts
        + ",\"body\":{\"mid\":\"mid.alice." + ts + "\",\"seq\":" + ts + ",\"text\":\"" + text
        + "\"}},\"user_locale\":\"en\"}";
    return WireJson.MAPPER.readValue(json, Update.class);
  }

  private List<String> replies() {
    return user.messages().stream()
        .filter(m -> m.json().path("sender").path("user_id").asLong() != user.userId())
        .map(BotMessage::text).toList();
   }
}
