package io.ttscenes.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.internal.BotRouting;
import io.ttscenes.api.internal.Selection;
import io.ttscenes.api.model.Message;
import io.ttscenes.api.model.MessageBody;
import io.ttscenes.api.model.MessageCreatedUpdate;
import io.ttscenes.api.model.Recipient;
import io.ttscenes.api.model.Update;
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

  // "@MyBot" is the form users see and copy; kept with its '@', every /cmd@MyBot would count as
  // addressed to another bot and never reach its handler.
  @Test
  void aUsernameGivenWithItsAtSignStillRoutesCommandsAddressedToTheBot() {
    Handler<Object> start = ctx -> {};
    Bot bot = Bot.builder("b").username("@MyBot").root(r -> r.onCommand("start", start)).build();
    Optional<Selection> selected =
        BotRouting.select(bot, command("/start@MyBot"), bot.username(), Optional.empty(), Optional.empty());

    assertEquals(Optional.of("MyBot"), bot.username());
    assertTrue(selected.isPresent(), "/start@MyBot was not routed to /start of bot '@MyBot'");
    assertEquals(start, selected.get().handler());
  }

  private static Update command(String text) {
    MessageBody body = new MessageBody("mid.1", 1L, text, null, null);
    Message message = new Message(null, new Recipient(5L, null, null), 1L, null, body, null, null, null);
    return new MessageCreatedUpdate(1L, message, null);
  }
}
