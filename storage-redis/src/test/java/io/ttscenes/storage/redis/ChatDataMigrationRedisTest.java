package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.ttscenes.api.Bot;
import io.ttscenes.testkit.kit.BotTester;
import io.ttscenes.testkit.kit.TestChat;
import io.ttscenes.testkit.kit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A deploy that renames a field of chat data meets a chat whose data the old release wrote to a
 * real Redis: without a migration the chat data starts over (not a null), counted; with one the
 * tally goes on and the chat data is stored at the new version.
 */
final class ChatDataMigrationRedisTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();

  record TallyV1(Integer votes) {}

  record TallyV2(Integer count) {}

  @RegisterExtension final TesterOnRedis onRedis = TesterOnRedis.start(oldRelease(), "tally", REDIS);
  private final BotTester bot = onRedis.bot;

  private static Bot oldRelease() {
    return Bot.builder("tally").chatData(TallyV1.class, () -> new TallyV1(0))
        .root(r -> r.onCommand("vote", ctx -> {
          TallyV1 tally = new TallyV1(ctx.chatData(TallyV1.class).votes() + 1);
          ctx.setChatData(tally).reply("Votes: " + tally.votes());
        }))
        .build();
  }

  private static Bot newRelease(boolean migrates) {
    Bot.Builder builder = Bot.builder("tally").chatData(TallyV2.class, () -> new TallyV2(0))
        .root(r -> r.onCommand("vote", ctx -> {
          TallyV2 tally = new TallyV2(ctx.chatData(TallyV2.class).count() + 1);
          ctx.setChatData(tally).reply("Votes: " + tally.count());
        }));
    if (migrates) {
      builder.chatDataVersion(2).migrateChatData(1, node -> {
        node.set("count", node.remove("votes"));
        return node;
      });
    }
    return builder.build();
  }

  private TestChat votedTwice(TestUser ann) {
    TestChat hall = bot.groupChat("Hall", ann);
    hall.as(ann).sends("/vote").expectReply("Votes: 1");
    hall.as(ann).sends("/vote").expectReply("Votes: 2");
    return hall;
  }

  private JsonNode stored(TestChat chat) {
    return onRedis.storedData(keys -> keys.chatData("c:" + chat.chatId()));
  }

  private double resets(String reason) {
    Counter counter = bot.meters().find("ttscenes.session.resets").tags("scene", "@chat_data", "reason", reason)
        .counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aRenamedChatDataFieldWithoutAMigrationStartsTheChatDataOverInsteadOfANull() throws Exception {
    TestChat hall = votedTwice(bot.user("ann"));

    bot.deploy(newRelease(false));

    hall.as(bot.user("ann")).sends("/vote").expectReply("Votes: 1").expectNoMoreReplies();
    assertEquals(1.0, resets("not_decoded"));
    assertEquals(new ObjectMapper().readTree("{\"count\":1}"), stored(hall), "version 1 is never written");
  }

  @Test
  void aRenamedChatDataFieldWithAMigrationGoesOnAndIsStoredAtTheNewVersion() throws Exception {
    TestChat hall = votedTwice(bot.user("ann"));
    assertEquals(new ObjectMapper().readTree("{\"votes\":2}"), stored(hall));

    bot.deploy(newRelease(true));

    hall.as(bot.user("ann")).sends("/vote").expectReply("Votes: 3").expectNoMoreReplies();
    assertEquals(new ObjectMapper().readTree("{\"@version\":2,\"@data\":{\"count\":3}}"), stored(hall));
    hall.as(bot.user("ann")).sends("/vote").expectReply("Votes: 4");
    assertEquals(0.0, resets("not_decoded") + resets("not_migrated"));
  }
}
