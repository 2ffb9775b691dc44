package io.ttscenes.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

final class CommandTest {

  @Test
  void parsesNameMentionAndArgs() {
    assertEquals(Optional.of(new Command("start", "MyBot", "promo  42")), Command.parse("  /Start@MyBot   promo  42 "));
    assertEquals(Optional.of(new Command("help", "", "")), Command.parse("/help"));
  }

  @Test
  void plainTextAndBareSlashesAreNotCommands() {
    assertEquals(Optional.empty(), Command.parse("hello /start"));
    assertEquals(Optional.empty(), Command.parse("/"));
    assertEquals(Optional.empty(), Command.parse("/@bot"));
  }

  @Test
  void mentionMustMatchTheBotWhenItsNameIsKnown() {
    Command command = Command.parse("/start@mybot").orElseThrow();
    assertTrue(command.isFor(Optional.of("MyBot")));
    assertFalse(command.isFor(Optional.of("OtherBot")));
    assertTrue(command.isFor(Optional.empty()));
  }
}
