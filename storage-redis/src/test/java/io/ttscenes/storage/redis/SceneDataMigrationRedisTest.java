package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ttscenes.api.Bot;
import io.ttscenes.api.Prompt;
import io.ttscenes.api.Scene;
import io.ttscenes.testkit.kit.BotTester;
import io.ttscenes.testkit.kit.TestUser;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A deploy that renames a field of scene data meets a user mid-scene whose session the old release
 * wrote to a real Redis: without a migration the user starts over with a notice (not a null), with
 * one the conversation goes on and the session is stored at the new version.
 */
final class SceneDataMigrationRedisTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();

  record OrderV1(String item) {}

  record OrderV2(String product) {}

  @RegisterExtension final TesterOnRedis onRedis = TesterOnRedis.start(oldRelease(), "orders", REDIS);
  private final BotTester bot = onRedis.bot;

  private static Bot oldRelease() {
    return Bot.builder("orders")
        .scene(Scene.builder("order", OrderV1.class)
            .step("item", s -> s.ask(Prompt.text("What item?"), (ctx, v) -> ctx.setData(new OrderV1(v)).next()))
            .step("count", s -> s.ask(Prompt.text("How many?"),
                (ctx, v) -> ctx.reply(v + " x " + ctx.data().item()).leave()))
            .build())
        .root(r -> r.onCommand("order", ctx -> ctx.enter("order", new OrderV1(null)))
            .onText(ctx -> ctx.reply("Send /order.")))
        .build();
  }

  private static Bot newRelease(boolean migrates) {
    Scene.Builder<OrderV2> order = Scene.builder("order", OrderV2.class)
        .step("item", s -> s.ask(Prompt.text("What item?"), (ctx, v) -> ctx.setData(new OrderV2(v)).next()))
        .step("count", s -> s.ask(Prompt.text("How many?"),
            (ctx, v) -> ctx.reply(v + " x " + ctx.data().product()).leave()));
    if (migrates) {
      order.dataVersion(2).migrate(1, node -> {
        node.set("product", node.remove("item"));
        return node;
      });
    }
    return Bot.builder("orders").scene(order.build())
        .root(r -> r.onCommand("order", ctx -> ctx.enter("order", new OrderV2(null)))
            .onText(ctx -> ctx.reply("Send /order.")))
        .build();
  }

  private TestUser midOrder(String name) {
    return bot.user(name).sends("/order").expectReply("What item?").sends("tea").expectReply("How many?");
  }

  private JsonNode stored(TestUser user) {
    return onRedis.storedData(keys -> keys.session(bot.sessionKey(user)));
  }

  @Test
  void aRenamedFieldWithoutAMigrationStartsTheUserOverInsteadOfANull() {
    TestUser ann = midOrder("ann");
    Bot next = newRelease(false);

    bot.deploy(next);

    ann.sends("3").expectReply(next.resetNotice()).expectReply("Send /order.").expectNoMoreReplies();
    assertEquals(Optional.empty(), bot.session(ann).scene());
    assertEquals(1.0, bot.meters().get("ttscenes.session.resets").tags("scene", "order", "reason", "not_decoded")
        .counter().count());
  }

  @Test
  void aRenamedFieldWithAMigrationGoesOnAndIsStoredAtTheNewVersion() {
    TestUser ann = midOrder("ann");
    TestUser bob = midOrder("bob");
    assertTrue(stored(bob).path("dv").isMissingNode(), "version 1 is not written: " + stored(bob));

    bot.deploy(newRelease(true));

    ann.sends("3").expectReply("3 x tea").expectNoMoreReplies();
    bob.sends("2").expectReply("2 x tea").sends("/order").expectReply("What item?").sends("milk")
        .expectReply("How many?");
    assertEquals(2, stored(bob).path("dv").asInt(), stored(bob).toString());
    bob.sends("1").expectReply("1 x milk").expectNoMoreReplies();
  }
}
