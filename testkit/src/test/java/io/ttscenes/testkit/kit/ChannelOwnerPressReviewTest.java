package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.keyboard.Keyboard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Review of {@code BotTester.session(owner, channel)} after commit c42e91b: it now always reads
 * the key of the channel's posts (no sender), but what the owner does under their own id (a
 * button press, a deletion) is kept under the per-user key, which the kit can no longer reach.
 */
final class ChannelOwnerPressReviewTest {
  @RegisterExtension
  static final BotTester bot = BotTester.of(Bot.builder("picker")
      .sessionData(Pick.class, () -> new Pick("none"))
      .root(r -> r
          .onCommand("pick", ctx -> ctx.reply("Tea or coffee?", Keyboard.inline()
              .withRow(Keyboard.callback("Tea", "pick:Tea"), Keyboard.callback("Coffee", "pick:Coffee"))))
          .onCallbackPrefix("pick:", (ctx, choice) -> ctx
              .setSession(new Pick(choice))
              .answer("Picked")))
      .build());

  /** What the person picked last. */
  record Pick(String choice) {}

  @Test
  void theOwnersSessionInAChannelHoldsWhatTheOwnerPressed() {
    TestUser owner = bot.user("Olga");
    TestUser reader = bot.user("Rick");
    TestChat news = bot.channel("News", owner, reader);

    news.as(owner).sends("/pick").expectReply("Tea or coffee?")
        .as(owner).presses("Tea").expectNotification("Picked");

    assertEquals(new Pick("Tea"), bot.session(owner, news).sessionData(Pick.class),
        "the kit read the key " + bot.sessionKey(owner, news));
  }
}
