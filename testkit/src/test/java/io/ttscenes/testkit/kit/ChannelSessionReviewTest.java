package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Review of {@code BotTester.session(user, chat)} for a channel: with the default session per
 * user in a chat, the owner's posts (which carry no sender) are kept under the chat's key, but
 * the kit looks them up under the owner's.
 */
final class ChannelSessionReviewTest {
  @RegisterExtension
  static final BotTester bot = BotTester.of(Bot.builder("post-counter")
      .sessionData(GreeterBot.Greetings.class, () -> new GreeterBot.Greetings(0))
      .root(r -> r.onCommand("count", ctx -> {
        GreeterBot.Greetings next = new GreeterBot.Greetings(ctx.session(GreeterBot.Greetings.class).count() + 1);
        ctx.setSession(next).reply("Posts: " + next.count());
      }))
      .build());

  @Test
  void theSessionOfTheOwnersChannelPostsIsTheOneTheBotWrote() {
    TestUser owner = bot.user("Olga");
    TestUser reader = bot.user("Rick");
    TestChat news = bot.channel("News", owner, reader);

    news.as(owner).sends("/count").expectReply("Posts: 1");
    news.as(owner).sends("/count").expectReply("Posts: 2");

    assertEquals(new GreeterBot.Greetings(2), bot.session(news).sessionData(GreeterBot.Greetings.class),
        "the kit read the key " + bot.sessionKey(news));
  }
}
