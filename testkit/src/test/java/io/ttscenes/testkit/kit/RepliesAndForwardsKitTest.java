package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Context;
import io.ttscenes.api.Updates;
import io.ttscenes.api.model.LinkedMessage;
import io.ttscenes.api.model.MessageLinkType;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Users reply to a message and forward one; the bot sees TamTam's link of each kind. */
final class RepliesAndForwardsKitTest {
  static Bot quoting() {
    return Bot.builder("quoting")
        .root(r -> r
            .onCommand("ask", ctx -> ctx.reply("What is your favourite tea?"))
            .onMessage(RepliesAndForwardsKitTest::quote))
        .build();
  }

  private static void quote(Context<?> ctx) {
    Optional<LinkedMessage> link = Updates.message(ctx.update()).map(m -> m.link());
    if (link.isEmpty()) {
      ctx.reply("plain: " + ctx.text());
    } else if (link.get().type() == MessageLinkType.REPLY) {
      ctx.reply("You answered \"" + link.get().message().text() + "\" with \"" + ctx.text() + "\"");
    } else {
      ctx.reply("Forwarded: " + link.get().message().text());
    }
  }

  @RegisterExtension
  static final BotTester bot = BotTester.of(quoting());

  @Test
  void aUserRepliesToTheBotsQuestionAndTheBotSeesWhichOne() {
    TestUser mia = bot.user("Mia");
    mia.sends("/ask").expectReply("What is your favourite tea?")
        .sends("hello").expectReply("plain: hello")
        .repliesTo("What is your favourite tea?", "Oolong")
        .expectReply("You answered \"What is your favourite tea?\" with \"Oolong\"")
        .expectNoMoreReplies();
  }

  @Test
  void aUserForwardsAMessageAndTheBotSeesTheOriginal() {
    TestUser noah = bot.user("Noah");
    noah.sends("remember this").expectReply("plain: remember this")
        .forwards("remember this")
        .expectReply("Forwarded: remember this")
        .expectNoMoreReplies();
  }

  @Test
  void replyingToATextNobodyWroteFailsNamingTheDialog() {
    TestUser olga = bot.user("Olga");
    olga.sends("hi").expectReply("plain: hi");
    AssertionError error = assertThrows(AssertionError.class,
        () -> olga.repliesTo("never said", "x"));
    assertTrue(error.getMessage().contains("\"hi\""), error.getMessage());
  }
}
