package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.testkit.kit.PollBuilderBot.Activity;
import io.ttscenes.testkit.kit.PollBuilderBot.Draft;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;

final class ConstructorKitTest {
  @RegisterExtension
  static final BotTester bot = BotTester.of(PollBuilderBot.create());

  @Test
  void buildsAPollStepByStepAndPostsIt() {
    TestUser alice = bot.user("alice");

    alice.opensConstructor()
        .expectConstructorHint("Type the question of your poll")
        .expectConstructorAnswer(answer -> {
          assertTrue(answer.allowsUserInput());
          assertEquals(Optional.of("Question"), answer.placeholder());
          assertEquals(List.of(), answer.keyboard());
        })
        .constructs("Tea or coffee?")
        .expectConstructorHint("Add options, then press Done")
        .expectConstructorKeyboard("Add option", "Done")
        .expectConstructorAnswer(answer -> assertFalse(answer.allowsUserInput()))
        .pressesInConstructor("Add option")
        .expectConstructorHint("Type option 1")
        .expectConstructorAnswer(answer -> assertEquals(Optional.of("Option 1"), answer.placeholder()))
        .constructs("Tea")
        .expectConstructorHint("Options: Tea")
        .pressesInConstructor("Add option").constructs("Coffee")
        .expectConstructorHint("Options: Tea, Coffee")
        .pressesInConstructor("Done")
        .expectConstructorMessages("Poll: Tea or coffee?\n1. Tea\n2. Coffee",
            "Reply with the number of your choice")
        .expectConstructorKeyboard("Start over")
        .expectConstructorHint("Tap Send to post your poll");
    assertEquals(new Draft("Tea or coffee?", List.of("Tea", "Coffee")),
        bot.constructorSession(alice).data(Draft.class));

    alice.finishesConstruction().expectNoMoreReplies();

    SessionSnapshot after = bot.constructorSession(alice);
    assertEquals(Optional.empty(), after.scene());
    assertEquals(new Activity(7, "options:2", 2), after.sessionData(Activity.class));
  }

  @Test
  void eachAnswersDataComesBackWithTheNextRequest() {
    TestUser alice = bot.user("alice");

    alice.opensConstructor().expectConstructorAnswer(a -> assertEquals(Optional.of("question"), a.data()));
    String first = lastData(alice);
    alice.constructs("Best season?").expectConstructorAnswer(a -> assertEquals(Optional.of("options:0"), a.data()));
    String second = lastData(alice);
    alice.pressesInConstructor("Add option").expectConstructorAnswer(a -> assertEquals(Optional.of("adding:0"), a.data()));
    String third = lastData(alice);
    alice.constructs("Summer");

    assertEquals(null, first);
    assertEquals("question", second);
    assertEquals("options:0", third);
    assertEquals("adding:0", lastData(alice));
  }

  @Test
  void eachConstructorSessionHasItsOwnSessionAndData() {
    TestUser alice = bot.user("alice");
    alice.constructs("Tea or coffee?")
        .pressesInConstructor("Add option").constructs("Tea")
        .pressesInConstructor("Add option").constructs("Coffee")
        .pressesInConstructor("Done").finishesConstruction();
    SessionSnapshot finished = bot.constructorSession(alice);
    String finishedId = alice.constructorSessionId().orElseThrow();

    alice.opensConstructor().expectConstructorHint("Type the question of your poll");
    SessionSnapshot fresh = bot.constructorSession(alice);

    assertNotEquals(finishedId, alice.constructorSessionId().orElseThrow());
    assertEquals("cs:" + finishedId, finished.key());
    assertNotEquals(finished.key(), fresh.key());
    assertEquals(new Activity(6, "options:2", 2), finished.sessionData(Activity.class));
    assertEquals(Optional.of(PollBuilderBot.POLL), fresh.scene());
    assertEquals(Draft.EMPTY, fresh.data(Draft.class));
    assertEquals(new Activity(1, null, 0), fresh.sessionData(Activity.class));
    assertEquals(Optional.empty(), bot.session(alice).scene(), "the dialog session is untouched");
  }

  @Test
  void typingWhileTheBotShowsOnlyItsKeyboardFailsAndSendsNothing() {
    TestUser alice = bot.user("alice");
    alice.constructs("Tea or coffee?").expectConstructorKeyboard("Add option", "Done");

    AssertionError refused = assertThrows(AssertionError.class, () -> alice.constructs("Tea"));

    assertEquals("alice cannot do that in the constructor: the bot's last constructor answer does"
        + " not allow user input (allow_user_input is false); alice can only press [Add option, Done]",
        refused.getMessage());
    alice.expectNoMoreReplies();
    assertEquals(new Draft("Tea or coffee?", List.of()), bot.constructorSession(alice).data(Draft.class));
  }

  @Test
  void tooFewOptionsKeepsThePollOpenAndStartOverClearsIt() {
    TestUser alice = bot.user("alice");

    alice.constructs("Tea or coffee?").pressesInConstructor("Done")
        .expectConstructorHint("A poll needs at least two options")
        .expectConstructorMessages()
        .expectConstructorKeyboard("Add option")
        .pressesInConstructor("Add option").constructs("Tea")
        .pressesInConstructor("Add option").constructs("Coffee")
        .pressesInConstructor("Done").expectConstructorKeyboard("Start over")
        .pressesInConstructor("Start over")
        .expectConstructorHint("Type the question of your poll");

    assertEquals(Draft.EMPTY, bot.constructorSession(alice).data(Draft.class));
  }

  @Test
  void pressingAButtonTheConstructorDoesNotShowListsItsButtons() {
    TestUser alice = bot.user("alice");
    alice.constructs("Tea or coffee?");

    AssertionError missing = assertThrows(AssertionError.class, () -> alice.pressesInConstructor("Publish"));

    assertEquals("alice cannot press \"Publish\" in the constructor: its keyboard has the buttons"
        + " [[Add option, Done]]", missing.getMessage());
  }

  @Test
  void finishingBeforeTheBotPreparedAMessageFails() {
    TestUser alice = bot.user("alice");
    alice.constructs("Tea or coffee?");

    AssertionError early = assertThrows(AssertionError.class, alice::finishesConstruction);

    assertEquals("alice cannot do that in the constructor: the bot's constructor answer has no"
        + " message to send", early.getMessage());
  }

  @Test
  void aWrongConstructorExpectationShowsTheAnswer() {
    TestUser alice = bot.user("alice");
    alice.constructs("Tea or coffee?");

    AssertionFailedError wrong = assertThrows(AssertionFailedError.class,
        () -> alice.expectConstructorHint("Pick options"));
    AssertionError none = assertThrows(AssertionError.class,
        () -> bot.user("bob").expectConstructorKeyboard("Done"));

    assertEquals("alice expected the constructor hint \"Pick options\" but got constructor answer []"
        + " [[Add option, Done]] hint \"Add options, then press Done\" (keyboard only)", wrong.getMessage());
    assertEquals("bob expected a constructor keyboard [Done] but the bot is idle and gave no"
        + " constructor answer", none.getMessage());
  }

  private static String lastData(TestUser user) {
    return bot.constructorSession(user).sessionData(Activity.class).lastData();
  }
}
