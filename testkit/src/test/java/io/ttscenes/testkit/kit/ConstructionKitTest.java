package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Construction;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class ConstructionKitTest {
  @RegisterExtension
  static final BotTester bot = BotTester.of(CardBot.create());

  @Test
  void wholeConstructionWithTypedInputAndTheBuilder() {
    TestUser alice = bot.user("alice");
    alice.opensConstructor()
        .expectConstructorHint("Type the card's title")
        .expectConstructorAnswer(a -> assertEquals(Optional.of("Title"), a.placeholder()))
        .constructs("Happy birthday")
        .expectConstructorHint("Now type your wish")
        .expectConstructorAnswer(a -> assertEquals(Optional.of("wish"), a.data()))
        .constructs("All the best!")
        .expectConstructorHint("Choose a style").expectConstructorKeyboard("Plain", "Bold")
        .expectConstructorAnswer(a -> assertFalse(a.allowsUserInput()))
        .pressesInConstructor("Bold")
        .expectConstructorMessages("**Happy birthday**", "All the best!")
        .expectConstructorHint("Tap Send");
    assertEquals(new CardBot.Card("Happy birthday", "All the best!"),
        bot.constructorSession(alice).data(CardBot.Card.class));

    alice.finishesConstruction().expectNoMoreReplies();
    assertEquals(Optional.empty(), bot.constructorSession(alice).scene());
  }

  @Test
  void constructorDataOverTheLimitIsRefusedWhenBuilt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Construction.answer().data("x".repeat(8193)));
    assertTrue(e.getMessage().contains("constructor data is 8193 chars"), e.getMessage());
  }
}
