package io.ttscenes.example.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Counter;
import io.ttscenes.example.faq.catalog.FaqCatalog;
import io.ttscenes.example.faq.desk.SupportDesk;
import io.ttscenes.testkit.kit.BotTester;
import io.ttscenes.testkit.kit.TestChat;
import io.ttscenes.testkit.kit.TestUser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Free-text questions: matches as buttons, the picked answer, "Was this helpful?", a person. */
final class FreeTextKitTest {
  static final String PROMPT = "Please describe your problem in one message; you can attach photos or files. "
      + "Send /cancel to stop.";
  static final long OPERATORS = -4_200_000_002L;

  @RegisterExtension
  static final BotTester bot = BotTester.of(FaqBot.create(FaqCatalog.sample(), SupportDesk.of(OPERATORS)));

  @Test
  void russianQuestionInAnotherWordFormFindsTheAnswerInRussian() {
    double helpful = milestone(Funnel.HELPFUL);
    TestUser oleg = bot.user("Oleg", "ru");

    oleg.sends("Сколько дней идёт доставку?")
        .expectReply(r -> {
          assertEquals("Ваш вопрос среди этих?", r.text());
          assertEquals("Сколько стоит и сколько идёт доставка?", r.buttons().get(0));
          assertEquals("Ничего из этого: спросить человека", r.buttons().get(r.buttons().size() - 1));
        })
        .presses("Сколько стоит и сколько идёт доставка?")
        .expectEdit("Сколько стоит и сколько идёт доставка?\n\nКурьер привозит заказ за 1-3 дня по всей "
            + "стране. Доставка бесплатна от 3000 рублей, иначе 299 рублей.\n\nЭто помогло?")
        .expectKeyboard("Да", "Нет", "« Заказы и доставка")
        .presses("Да")
        .expectEdit(r -> assertEquals(true, r.text().endsWith("иначе 299 рублей.\n\nСпасибо за отзыв!")))
        .expectKeyboard("« Заказы и доставка")
        .expectNoMoreReplies();

    assertEquals(helpful + 1, milestone(Funnel.HELPFUL));
  }

  @Test
  void englishParaphraseNotHelpfulIsCountedAndOffersAPerson() {
    double notHelpful = milestone(Funnel.NOT_HELPFUL);
    TestUser pat = bot.user("Pat");

    pat.sends("how many days until refunds are back on my card")
        .expectReply(r -> assertEquals("How long does a refund take?", r.buttons().get(0)))
        .presses("How long does a refund take?")
        .expectEdit(r -> assertEquals(true, r.text().startsWith("How long does a refund take?\n\nRefunds reach")))
        .presses("No")
        .expectEdit(r -> assertEquals(true, r.text().endsWith("\n\nSorry that did not help. Our team can answer you.")))
        .expectKeyboard("Ask a person", "« Payments and refunds")
        .presses("Ask a person")
        .expectNotification("Let's write to our support team")
        .expectReply(PROMPT);

    assertEquals(notHelpful + 1, milestone(Funnel.NOT_HELPFUL));
    assertEquals(Optional.of("support"), bot.session(pat).scene());
  }

  @Test
  void noneOfTheseStartsTheHandOffToAPerson() {
    TestUser quinn = bot.user("Quinn");
    TestChat desk = bot.groupChat(OPERATORS, "Operators", bot.user("Olga"));
    quinn.sends("can I change the address of my order")
        .expectReply(r -> assertEquals("Can I change the delivery address?", r.buttons().get(0)))
        .presses("None of these: ask a person")
        .expectNotification("Let's write to our support team")
        .expectReply(PROMPT)
        .sends("My parcel came open").expectReplyContaining(" is open. An operator will answer here");
    desk.expectReplyContaining("from Quinn (campaign: none, locale: en)\n\nMy parcel came open");
    assertEquals(Optional.of("open"), bot.session(quinn).step());
  }

  @Test
  void emptyHugeAndUnknownQuestionsEachGetTheirAnswer() {
    TestUser rita = bot.user("Rita");
    rita.sends("?!...").expectReply("Please type your question in words.")
        .expectKeyboard("Browse FAQ", "Contact support")
        .sends("refund ".repeat(100).strip())
        .expectReply("Your question is 699 characters long; I search questions of up to 500. "
            + "Please shorten it, or ask a person.")
        .expectKeyboard("Ask a person")
        .sends("giraffe umbrella").expectReply("I found nothing about that in the FAQ.")
        .expectKeyboard("Browse FAQ", "Ask a person")
        .expectNoMoreReplies();
  }

  @Test
  void matchButtonsFromBeforeAScenePressedAfterItAreStale() {
    TestUser sam = bot.user("Sam");
    sam.sends("forgot password").expectReply(r -> assertEquals(List.of("I forgot my password",
        "None of these: ask a person"), r.buttons()));
    sam.sends("/support").expectAnyReply().sends("/cancel").expectAnyReply()
        .pressesUnder("Is your question one of these?", "I forgot my password")
        .expectNotification("This button has expired.");
  }

  @Test
  void textInAGroupChatIsNotAnsweredButTheSameQuestionInTheDialogIs() {
    TestUser tom = bot.user("Tom");
    TestUser una = bot.user("Una");
    TestChat friends = bot.groupChat("Friends", tom, una);
    double asked = milestone(Funnel.ASKED);

    friends.as(tom).sends("how long does a refund take");
    friends.as(una).sends("?!...");
    friends.as(una).sends("giraffe umbrella");
    bot.awaitIdle();
    friends.expectNoMoreReplies();
    assertEquals(asked, milestone(Funnel.ASKED), "nothing was searched outside the dialog");

    tom.sends("how long does a refund take")
        .expectReply(r -> assertEquals("How long does a refund take?", r.buttons().get(0)));
  }

  private static double milestone(String name) {
    return bot.meters().find("ttscenes.milestones").tags("milestone", name).counters().stream()
        .mapToDouble(Counter::count).sum();
  }
}
