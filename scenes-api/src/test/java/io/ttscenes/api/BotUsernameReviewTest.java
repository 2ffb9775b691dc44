package io.ttscenes.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * Review: {@code Bot.Builder.username("@MyBot")} (the form users see and copy) was accepted
 * silently, and then every {@code /cmd@MyBot} was treated as addressed to another bot and never
 * reached its handler. The builder now drops the '@', so the username routes as typed.
 */
final class BotUsernameReviewTest {

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
