package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Review of edits and deletions in a channel with the default session per user in a chat. A post
 * carries no sender, so the bot keeps it (and its edits) under the chat's key; the owner's
 * deletion of that same post names the owner ({@code user_id}) and, since a
 * {@code message_removed} update does not say it came from a channel, lands in the owner's own
 * session. That is TamTam's update as the schema describes it; the test pins the behaviour the
 * kit documents ({@code BotTester.session(TestChat)}).
 */
final class ChannelEditsReviewTest {
  @RegisterExtension
  static final BotTester orders = BotTester.of(OrderBot.create());

  @Test
  void deletingAChannelPostReachesTheDeletersSessionNotThePosts() {
    TestUser owner = orders.user("Olga");
    TestUser reader = orders.user("Rick");
    TestChat news = orders.channel("News", owner, reader);

    news.as(owner).sends("/order").expectReply("What would you like?")
        .as(owner).sends("Tea").expectReplyContaining("Noted: Tea.")
        .as(owner).editsLast("Coffee").expectReply("Changed to: Coffee");

    // The post and its edit went to the chat's session; its removal goes to the owner's own.
    owner.in(news).deletesLast().expectReply("I saw you delete a message.");
    assertNotEquals(orders.sessionKey(news), orders.sessionKey(owner, news));
  }
}
