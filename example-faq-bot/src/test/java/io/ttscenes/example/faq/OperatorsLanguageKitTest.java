package io.ttscenes.example.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.ttscenes.api.i18n.Messages;
import io.ttscenes.example.faq.catalog.FaqCatalog;
import io.ttscenes.example.faq.desk.SupportDesk;
import io.ttscenes.testkit.EmulatedChat;
import io.ttscenes.testkit.kit.BotTester;
import io.ttscenes.testkit.kit.TestChat;
import io.ttscenes.testkit.kit.TestUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operators' chat in each operator's language: what answers an operator's press or message is
 * in their language (their presses report it), a ticket they took speaks theirs, and posts nobody
 * prompted are in the desk's operators' locale.
 */
final class OperatorsLanguageKitTest {
  static final long OPERATORS = -4_200_000_031L;
  static final long RUSSIAN_DESK = -4_200_000_032L;
  /** How long a refusal is held, so that what follows happens while it is on its way. */
  private static final Duration HELD = Duration.ofSeconds(6);

  @RegisterExtension
  final BotTester bot = BotTester.of(FaqBot.create(FaqCatalog.sample(), SupportDesk.of(OPERATORS)));

  @Test
  void aRussianOperatorTakesListsAnswersAndClosesInRussianWhileTheUserReadsEnglish() {
    TestUser olga = bot.user("Olga", "ru");
    TestChat desk = bot.groupChat(OPERATORS, "Operators", olga);
    TestUser bob = bot.user("Bob");
    String id = SupportDeskKitTest.ask(bob, desk, "Where is my order?");
    assertEquals("Ticket " + id + " from Bob (campaign: none, locale: en)\n\nWhere is my order?",
        desk.lastReply().text(), "nobody prompted the post: the desk's language");

    desk.as(olga).presses("Take").expectNotification("Беру обращение " + id + "…")
        .expectReply("Обращение " + id + " взял(а) Olga: пишите здесь, чтобы ответить Bob.");
    desk.as(olga).sends("/open").expectReply("1 открытое обращение:\n" + id + " от Bob: взял(а) Olga");
    bob.sends("And the invoice?");
    desk.expectReply("Обращение " + id + ", Bob добавляет:\n\nAnd the invoice?").expectKeyboard("Взять", "Закрыть");
    desk.as(olga).sends("Завтра.");
    bob.expectReply("Olga (support): Завтра.");

    desk.as(olga).pressesUnder(desk.lastReply().text(), "Закрыть").expectNotification("Закрываю обращение " + id + ".")
        .expectReply("Обращение " + id + " закрыл(а) Olga.");
    bob.expectReply("Ticket " + id + " is closed. How did we do? Rate the answer from 1 to 5:")
        .presses("4").expectEdit("Thank you! You rated ticket " + id + ": 4 of 5.");
    desk.expectReply("Bob оценил(а) обращение " + id + ": 4 из 5.").expectNoMoreReplies();
  }

  @Test
  void aRefusedAnswerIsReportedInTheLanguageOfTheOperatorWhoTookTheTicket() {
    TestUser olga = bot.user("Olga", "ru");
    TestChat desk = bot.groupChat(OPERATORS, "Operators", olga);
    TestUser bob = bot.user("Bob");
    String id = SupportDeskKitTest.ask(bob, desk, "Can I send a sticker?");
    desk.as(olga).presses("Take").expectNotification("Беру обращение " + id + "…").expectAnyReply();
    bot.faults().refuse("/messages", 1, 400, "proto.payload", "Unknown attachment type");

    desk.as(olga).sends("Да.");
    desk.expectReply("Обращение " + id + ": ответ для Bob не доставлен, Bot API его не принял "
        + "(400 proto.payload: Unknown attachment type). Обращение остаётся открытым: напишите ещё раз, "
        + "чтобы ответить.");
    desk.as(olga).sends("Да, можно.");
    bob.expectReply("Olga (support): Да, можно.").expectNoMoreReplies();
  }

  @Test
  void anAnswerRefusedAfterTheTicketClosedIsReportedInTheLanguageOfTheOperatorWhoTookIt() throws InterruptedException {
    // Its own tester, which waits for the bot longer than the answer is held below.
    try (BotTester slow = BotTester.builder(FaqBot.create(FaqCatalog.sample(), SupportDesk.of(OPERATORS)))
        .timeout(Duration.ofSeconds(30)).build().start()) {
      TestUser olga = slow.user("Olga", "ru");
      TestChat desk = slow.groupChat(OPERATORS, "Operators", olga);
      TestUser bob = slow.user("Bob");
      String id = SupportDeskKitTest.ask(bob, desk, "Can I pay by card?");
      desk.as(olga).presses("Take").expectNotification("Беру обращение " + id + "…").expectAnyReply();
      // The answer's refusal comes back late: the operator closes the ticket meanwhile.
      slow.faults().refuseAfter(HELD, "/messages", 1, 400, "proto.payload", "Unknown attachment type");
      desk.as(olga).sends("Да.");
      awaitPending(slow, 0);
      EmulatedChat chat = desk.emulated();
      chat.pressButton(olga.emulated(), "Close");
      assertEquals("Обращение " + id + " закрыл(а) Olga.", chat.awaitMessage(HELD).text());

      bob.expectReply("Ticket " + id + " is closed. How did we do? Rate the answer from 1 to 5:").expectNoMoreReplies();
      desk.expectNotification("Закрываю обращение " + id + ".")
          .expectReply("Обращение " + id + ": ответ для Bob не доставлен, Bot API его не принял "
              + "(400 proto.payload: Unknown attachment type). Обращение закрыто.").expectNoMoreReplies();
    }
  }

  /** Waits until {@code left} faults queued for /messages are not taken yet: the calls before took theirs. */
  private static void awaitPending(BotTester tester, int left) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (tester.faults().pending("/messages") > left) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no call to /messages took the queued fault within 10 s");
      }
      Thread.sleep(5);
    }
  }

  @Test
  void twoOperatorsInOneChatEachGetTheirOwnLanguageWithPluralsRight() {
    TestUser olga = bot.user("Olga", "ru");
    TestUser emma = bot.user("Emma", "en");
    TestChat desk = bot.groupChat(OPERATORS, "Operators", olga, emma);
    String first = SupportDeskKitTest.ask(bot.user("Ann"), desk, "Do you ship abroad?");
    desk.as(emma).presses("Take").expectNotification("Taking ticket " + first + "…")
        .expectReply("Ticket " + first + " is taken by Emma: write here to answer Ann.");
    String second = SupportDeskKitTest.ask(bot.user("Ben"), desk, "Is there a gift wrap?");
    desk.as(olga).pressesUnder(desk.lastReply().text(), "Take").expectNotification("Беру обращение " + second + "…")
        .expectAnyReply();

    desk.as(olga).sends("/open").expectReply("2 открытых обращения:\n" + first + " от Ann: взял(а) Emma\n"
        + second + " от Ben: взял(а) Olga");
    desk.as(emma).sends("/open").expectReply("2 open tickets:\n" + first + " from Ann: taken by Emma\n"
        + second + " from Ben: taken by Olga");

    bot.advance(Duration.ofHours(24));
    Set<String> expired = new TreeSet<>();
    desk.expectReply(reply -> expired.add(reply.text())).expectReply(reply -> expired.add(reply.text()));
    assertEquals(Set.of("Ticket " + first + " closed itself after 24 hours without a message.",
        "Обращение " + second + " закрылось само: 24 часа без сообщений."), expired);
  }

  @Test
  void aUsersRatingCountsWhateverTheLengthOfTheClosingOperatorsLanguageTag() {
    // A valid BCP 47 tag with Unicode extensions, as a client may report it: 40 characters.
    TestUser olga = bot.user("Olga", "ru-RU-u-ca-gregory-nu-latn-fw-mon-hc-h23");
    TestChat desk = bot.groupChat(OPERATORS, "Operators", olga);
    TestUser cal = bot.user("Cal");
    String id = closedBy(olga, cal, desk);

    cal.presses("4").expectEdit("Thank you! You rated ticket " + id + ": 4 of 5.");
    desk.expectReply("Cal оценил(а) обращение " + id + ": 4 из 5.").expectNoMoreReplies();
  }

  @Test
  void aRatingButtonSentBeforeOperatorsHadALanguageStillRatesAndAForgedLanguageIsRefused() {
    TestUser olga = bot.user("Olga", "ru");
    TestChat desk = bot.groupChat(OPERATORS, "Operators", olga);
    TestUser cal = bot.user("Cal");
    String id = closedBy(olga, cal, desk);

    cal.pressesForged("rating:" + id + ":3:<b>ru</b>").expectNotification("That rating is not for one of your tickets.");
    desk.expectNoMoreReplies();
    cal.pressesForged("rating:" + id + ":3").expectEdit("Thank you! You rated ticket " + id + ": 3 of 5.");
    desk.expectReply("Cal rated ticket " + id + ": 3 of 5.").expectNoMoreReplies();
  }

  @Test
  void aDeskInRussianPostsNewTicketsInRussianAndAnswersOperatorsItDoesNotKnowYetInRussian() {
    try (BotTester russian = BotTester.of(FaqBot.create(FaqCatalog.sample(),
        SupportDesk.of(RUSSIAN_DESK).withOperatorsLocale(Locale.forLanguageTag("ru-RU")))).start()) {
      TestUser emma = russian.user("Emma", "en");
      TestChat desk = russian.groupChat(RUSSIAN_DESK, "Операторы", emma);
      TestUser ann = russian.user("Ann", "de");
      ann.sends("/support").expectAnyReply().sends("Wo ist mein Paket?").expectReplyContaining("SUP-");
      String id = ann.lastReply().text().split(" ")[1];
      desk.expectReply("Обращение " + id + " от Ann (кампания: нет, язык: de)\n\nWo ist mein Paket?")
          .expectKeyboard("Взять", "Закрыть");
      desk.as(emma).sends("/open").expectReply("1 открытое обращение:\n" + id + " от Ann: ждёт");
      desk.as(emma).presses("Взять").expectNotification("Taking ticket " + id + "…")
          .expectReply("Ticket " + id + " is taken by Emma: write here to answer Ann.");
      desk.as(emma).sends("/open").expectReply("1 open ticket:\n" + id + " from Ann: taken by Emma");
    }
  }

  @Test
  void everyOperatorTextIsTranslatedInEveryBundleTheBotShipsWithItsPlurals() throws IOException {
    Properties english = bundle("en");
    Properties russian = bundle("ru");
    Set<String> operatorTexts = new TreeSet<>(english.stringPropertyNames());
    operatorTexts.removeIf(key -> !key.startsWith("desk.op."));
    assertEquals(26, operatorTexts.size(), operatorTexts.toString());
    for (String key : operatorTexts) {
      assertNotEquals(english.getProperty(key), russian.getProperty(key), key + " is not translated");
    }
    Messages messages = FaqBot.messages();
    assertEquals(List.of(), messages.problems());
    assertEquals("Olga: 2 вложения такого вида бот отправить не может, пользователю не передано; ему ничего не "
        + "отправлено.", messages.format(Locale.forLanguageTag("ru"), "desk.op.not-passed", "Olga", 2, "nothing"));
    assertEquals("Olga: 5 вложений такого вида бот отправить не может, пользователю не передано; остальное "
        + "сообщение отправлено.", messages.format(Locale.forLanguageTag("ru"), "desk.op.not-passed", "Olga", 5, "rest"));
    assertEquals("Olga: 1 attachment of a kind the bot cannot send could not be passed to the user; the rest of "
        + "the message was.", messages.format(Locale.ENGLISH, "desk.op.not-passed", "Olga", 1, "rest"));
    assertEquals("Обращение SUP-1-1: ответ для Bob не доставлен, Bot API его не принял (400 proto.payload: x). "
        + "Обращение закрыто.", messages.format(Locale.forLanguageTag("ru"), "desk.op.not-delivered", "SUP-1-1", "Bob",
        "400 proto.payload: x", "closed"));
    assertEquals("Ticket SUP-1-1: the answer to Bob was not delivered, the Bot API refused it (400 proto.payload: x). "
        + "The ticket is closed.", messages.format(Locale.ENGLISH, "desk.op.not-delivered", "SUP-1-1", "Bob",
        "400 proto.payload: x", "closed"));
    assertEquals("Обращение SUP-1-1: часть ответа для Bob не доставлена: Bot API не принял часть, начиная с «and then» "
        + "(400 proto.payload: x). Обращение остаётся открытым: напишите ещё раз, чтобы отправить эту часть.",
        messages.format(Locale.forLanguageTag("ru"), "desk.op.not-delivered-rest", "SUP-1-1", "Bob",
            "400 proto.payload: x", "open", "and then"));
    assertEquals("Ticket SUP-1-1: part of the answer to Bob was not delivered: the Bot API refused the part from "
        + "\"and then\" (400 proto.payload: x). The ticket is closed.", messages.format(Locale.ENGLISH,
        "desk.op.not-delivered-rest", "SUP-1-1", "Bob", "400 proto.payload: x", "closed", "and then"));
  }

  /** {@code user} asks; {@code operator}, a Russian one in {@code desk}, closes the ticket and the user is asked to rate. */
  private static String closedBy(TestUser operator, TestUser user, TestChat desk) {
    String id = SupportDeskKitTest.ask(user, desk, "Can I pay later?");
    desk.as(operator).presses("Close").expectNotification("Закрываю обращение " + id + ".").expectAnyReply();
    user.expectReplyContaining("is closed. How did we do?");
    return id;
  }

  private static Properties bundle(String language) throws IOException {
    Properties bundle = new Properties();
    try (InputStream in = OperatorsLanguageKitTest.class.getResourceAsStream("i18n/messages_" + language + ".properties")) {
      bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return bundle;
  }
}
