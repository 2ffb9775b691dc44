package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.keyboard.Keyboard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code BotTester.session(...)} in a channel with the default session per user in a chat: the
 * owner's posts carry no sender, so the bot keeps them under the chat's key, while what the owner
 * does under their own id (a button press) is kept under the per-user key. The kit reads each
 * session where the bot wrote it.
 */
final class ChannelSessionKitTest {
  @RegisterExtension
  static final BotTester bot = BotTester.of(Bot.builder("channel-sessions")
      .sessionData(Seen.class, () -> new Seen(0, "none"))
      .root(r -> r
          .onCommand("count", ctx -> {
            Seen next = ctx.session(Seen.class).posted();
            ctx.setSession(next).reply("Posts: " + next.posts());
          })
          .onCommand("pick", ctx -> ctx.reply("Tea or coffee?", Keyboard.inline()
              .withRow(Keyboard.callback("Tea", "pick:Tea"), Keyboard.callback("Coffee", "pick:Coffee"))))
          .onCallbackPrefix("pick:", (ctx, choice) -> ctx
              .setSession(ctx.session(Seen.class).picked(choice))
              .answer("Picked")))
      .build());

  /** How many /count posts the session saw, and what its person picked last. */
  record Seen(int posts, String choice) {
    Seen posted() {
      return new Seen(posts + 1, choice);
    }

    Seen picked(String picked) {
      return new Seen(posts, picked);
    }
  }

  @Test
  void theSessionOfTheOwnersChannelPostsIsTheOneTheBotWrote() {
    TestUser owner = bot.user("Olga");
    TestUser reader = bot.user("Rick");
    TestChat news = bot.channel("News", owner, reader);

    news.as(owner).sends("/count").expectReply("Posts: 1");
    news.as(owner).sends("/count").expectReply("Posts: 2");

    assertEquals(new Seen(2, "none"), bot.session(news).sessionData(Seen.class),
        "the kit read the key " + bot.sessionKey(news));
  }

  @Test
  void theOwnersSessionInAChannelHoldsWhatTheOwnerPressed() {
    TestUser owner = bot.user("Olga");
    TestUser reader = bot.user("Rick");
    TestChat news = bot.channel("News", owner, reader);

    news.as(owner).sends("/pick").expectReply("Tea or coffee?")
        .as(owner).presses("Tea").expectNotification("Picked");

    assertEquals(new Seen(0, "Tea"), bot.session(owner, news).sessionData(Seen.class),
        "the kit read the key " + bot.sessionKey(owner, news));
  }
}
