package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.client.BotApi;
import io.ttscenes.api.model.ChatType;
import io.ttscenes.api.model.Message;
import io.ttscenes.api.model.MessageBody;
import io.ttscenes.api.model.MessageCreatedUpdate;
import io.ttscenes.api.model.Recipient;
import io.ttscenes.api.model.User;
import io.ttscenes.runtime.client.OkHttpBotApi;
import io.ttscenes.runtime.client.RetryPolicy;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.testkit.BotMessage;
import io.ttscenes.testkit.EmulatedUser;
import io.ttscenes.testkit.Emulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two dispatchers of one bot over one Redis, as two instances: an entry parked by one after the
 * API failed is left to it by the other's recovery while its instance lease lives in Redis, and
 * recovered by the other once that lease was released.
 */
final class ParkedEntryOwnerRedisTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();
  private static final AtomicInteger BOTS = new AtomicInteger();
  private static final Bot ECHO =
      Bot.builder("echo").root(r -> r.onText(ctx -> ctx.reply("hi " + ctx.text()))).build();

  private final String botName = "owner-bot-" + BOTS.incrementAndGet();
  @RegisterExtension final ClosedAfterEach closed = new ClosedAfterEach();
  private final Emulator emulator = closed.add(Emulator.start(0));
  private final EmulatedUser alice = emulator.user("alice");

  @Test
  void theRecoveringInstanceLeavesAnEntryParkedByALiveOneAndTakesItOnceThatOneClosed()
      throws Exception {
    Dispatcher parking = dispatcher("parking");
    Dispatcher recovering = dispatcher("recovering");
    emulator.faults().unavailable("/messages", 1);
    parking.submit(text("there")).get(10, TimeUnit.SECONDS);
    assertEquals(List.of(), replies(), "the API was down: the entry is parked");

    assertEquals(0, recovering.recoverOutboxes().get(10, TimeUnit.SECONDS), "the owner is alive");
    assertEquals(1, parking.retryParkedOutboxes().get(10, TimeUnit.SECONDS));
    assertEquals(List.of("hi there"), replies());

    emulator.faults().unavailable("/messages", 1);
    parking.submit(text("again")).get(10, TimeUnit.SECONDS);
    parking.close();
    assertEquals(1, recovering.recoverOutboxes().get(10, TimeUnit.SECONDS), "the owner is gone");
    assertEquals(0, recovering.recoverOutboxes().get(10, TimeUnit.SECONDS));
    assertEquals(List.of("hi there", "hi again"), replies());
  }

  private Dispatcher dispatcher(String instance) {
    RedisSessionStore store = RedisSessionStore.create(
        RedisConfig.fromUrl(REDIS.url()).newBuilder().botName(botName).build());
    closed.add(store);
    BotApi api = OkHttpBotApi.builder(emulator.token()).baseUrl(emulator.baseUrl())
        .retryPolicy(RetryPolicy.none()).build();
    Dispatcher dispatcher = Dispatcher.builder(ECHO, store, api).recoveryMinAge(Duration.ZERO)
        .instanceId(instance + "-" + botName, Duration.ofSeconds(30)).build();
    closed.add(dispatcher);
    return dispatcher;
  }

  private MessageCreatedUpdate text(String text) {
    long now = System.currentTimeMillis();
    User sender = new User(alice.userId(), "alice", "alice", false, 0);
    Message message = new Message(sender, new Recipient(alice.chatId(), ChatType.DIALOG, null), now,
        null, new MessageBody("mid." + text, 1, text, List.of(), null), null, null, null);
    return new MessageCreatedUpdate(now, message, "en");
  }

  private List<String> replies() {
    return alice.messages().stream().map(BotMessage::text).toList();
  }
}
