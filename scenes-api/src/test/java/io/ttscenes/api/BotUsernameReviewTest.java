package io.ttscenes.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.model.Message;
import io.ttscenes.api.model.MessageBody;
import io.ttscenes.api.model.MessageCreatedUpdate;
import io.ttscenes.api.model.Recipient;
import io.ttscenes.api.model.Update;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Review: {@code Bot.Builder.username("@MyBot")} (the form users see and copy) is accepted
 * silently, and then every {@code /cmd@MyBot} is treated as addressed to another bot and never
 * reaches its handler. It must either be accepted without the '@' or refused with a clear error.
 */
final class BotUsernameReviewTest {

  @Test
  void aUsernameGivenWithItsAtSignStillRoutesCommandsAddressedToTheBot() {
    Handler<Object> start = ctx -> {};
    Optional<Bot.Selected> selected;
    try {
      Bot bot = Bot.builder("b").username("@MyBot").root(r -> r.onCommand("start", start)).build();
      selected = bot.select(command("/start@MyBot"), Optional.empty(), Optional.empty());
    } catch (IllegalArgumentException refused) {
      assertTrue(refused.getMessage().contains("@MyBot"), refused.getMessage());
      return;
    }
    assertTrue(selected.isPresent(), "/start@MyBot was not routed to /start of bot '@MyBot'");
    assertEquals(start, selected.get().handler());
  }

  private static Update command(String text) {
    MessageBody body = new MessageBody("mid.1", 1L, text, null, null);
    Message message = new Message(null, new Recipient(5L, null, null), 1L, null, body, null, null, null);
    return new MessageCreatedUpdate(1L, message, null);
  }
}
