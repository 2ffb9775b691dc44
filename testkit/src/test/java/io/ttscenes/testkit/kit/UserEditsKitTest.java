package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ttscenes.testkit.BotMessage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A bot built with the scene API reacting to people editing and deleting their messages. */
final class UserEditsKitTest {
  @RegisterExtension
  static final BotTester bot = BotTester.of(OrderBot.create());

  @Test
  void editingTheOrderChangesItAndDeletingItCancelsIt() {
    TestUser alice = bot.user("Alice");

    alice.sends("/order").expectReply("What would you like?")
        .sends("Tea").expectReplyContaining("Noted: Tea.")
        .editsLast("Green tea").expectReply("Changed to: Green tea")
        .edits("Green tea", "Mint tea").expectReply("Changed to: Mint tea")
        .edits("/order", "/menu").expectReply("That message is not your order.")
        .expectNoMoreReplies();
    assertEquals(new OrderBot.Order(midOf(alice, "Mint tea"), "Mint tea"),
        bot.session(alice).data(OrderBot.Order.class));

    alice.deletes("Mint tea").expectReply("Order cancelled.").expectNoMoreReplies();

    assertEquals(Optional.empty(), bot.session(alice).scene());
    assertEquals(List.of("/menu", "What would you like?", "Noted: Tea. Edit it to change it, delete it"
        + " to cancel, /done to confirm.", "Changed to: Green tea", "Changed to: Mint tea",
        "That message is not your order.", "Order cancelled."), texts(alice.emulated().messages()));
  }

  @Test
  void outsideTheOrderTheBotOnlyRemarksOnEditsAndDeletions() {
    TestUser bob = bot.user("Bob");

    bob.sends("/order").expectReply("What would you like?")
        .sends("Coffee").expectAnyReply()
        .sends("/done").expectReply("Ordered: Coffee. Thank you!")
        .editsLast("/done now").expectReply("I saw you edit a message: /done now")
        .deletesLast().expectReply("I saw you delete a message.")
        .expectNoMoreReplies();
  }

  @Test
  void eachMemberOfAGroupChangesOnlyTheirOwnOrderAndNothingReachesTheBotOnceRemoved() {
    TestUser carol = bot.user("Carol");
    TestUser dave = bot.user("Dave");
    TestChat cafe = bot.groupChat("Cafe", carol, dave).expectNoMoreReplies();

    cafe.as(carol).sends("/order").expectReply("What would you like?")
        .as(carol).sends("Latte").expectReplyContaining("Noted: Latte.");
    cafe.as(dave).sends("/order").expectReply("What would you like?")
        .as(dave).sends("Espresso").expectReplyContaining("Noted: Espresso.");
    carol.in(cafe).edits("Latte", "Flat white").expectReply("Changed to: Flat white");
    dave.in(cafe).deletesLast().expectReply("Order cancelled.").expectNoMoreReplies();

    assertEquals("Flat white", bot.session(carol, cafe).data(OrderBot.Order.class).item());
    assertEquals(Optional.empty(), bot.session(dave, cafe).scene());

    cafe.removeBot();
    carol.in(cafe).editsLast("Cappuccino").expectNoMoreReplies();

    assertEquals("Flat white", bot.session(carol, cafe).data(OrderBot.Order.class).item(),
        "a bot that is no member hears of no edit");
    assertEquals(List.of("/order", "What would you like?", "Cappuccino"),
        texts(cafe.emulated().messages()).subList(0, 3));
  }

  @Test
  void editingOrDeletingWhatWasNotWrittenFailsListingWhatWas() {
    TestUser erin = bot.user("Erin");
    TestUser frank = bot.user("Frank");
    TestChat club = bot.groupChat("Club", erin, frank);

    AssertionError nothing = assertThrows(AssertionError.class, () -> erin.deletesLast());
    erin.sends("/order").expectAnyReply();
    AssertionError wrongText = assertThrows(AssertionError.class, () -> erin.edits("Tea", "Coffee"));
    AssertionError inChat = assertThrows(AssertionError.class, () -> frank.in(club).editsLast("hi"));

    assertEquals("Erin cannot delete their last message in their dialog: they have written nothing there",
        nothing.getMessage());
    assertEquals("Erin cannot edit \"Tea\" in their dialog: what they wrote there reads [\"/order\"]",
        wrongText.getMessage());
    assertEquals("Frank cannot edit their last message in Club: they have written nothing there",
        inChat.getMessage());
  }

  private static String midOf(TestUser user, String text) {
    return user.emulated().messages().stream().filter(m -> m.text().equals(text))
        .findFirst().orElseThrow().mid();
  }

  // With the default session per user in a chat, a channel post carries no sender, so the bot
  // keeps it (and its edits) under the chat's key; the owner's deletion of that same post names the
  // owner (user_id) and, since a message_removed update does not say it came from a channel, lands
  // in the owner's own session. That is TamTam's update as the schema describes it; the test pins
  // the behaviour the kit documents (BotTester.session(TestChat)).
  @Test
  void deletingAChannelPostReachesTheDeletersSessionNotThePosts() {
    TestUser owner = bot.user("Olga");
    TestUser reader = bot.user("Rick");
    TestChat news = bot.channel("News", owner, reader);

    news.as(owner).sends("/order").expectReply("What would you like?")
        .as(owner).sends("Tea").expectReplyContaining("Noted: Tea.")
        .as(owner).editsLast("Coffee").expectReply("Changed to: Coffee");

    // The post and its edit went to the chat's session; its removal goes to the owner's own.
    owner.in(news).deletesLast().expectReply("I saw you delete a message.");
    assertNotEquals(bot.sessionKey(news), bot.sessionKey(owner, news));
  }

  private static List<String> texts(List<BotMessage> messages) {
    return messages.stream().map(BotMessage::text).toList();
  }
}
