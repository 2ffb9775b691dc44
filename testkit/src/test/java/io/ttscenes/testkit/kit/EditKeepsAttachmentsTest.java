package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.Updates;
import io.ttscenes.api.keyboard.Keyboard;
import io.ttscenes.api.model.LocationAttachmentRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The schema's editMessage: "In case attachments field is null, the current message attachments
 * won't be changed. In case of sending an empty list in this field, all attachments will be
 * deleted." NewMessageBody documents the same, but OutgoingMessage.body() never yields null.
 */
final class EditKeepsAttachmentsTest {
  @RegisterExtension
  static final BotTester bot = BotTester.of(Bot.builder("meetup")
      .global(g -> g
          .onCommand("meet", ctx -> ctx.reply(OutgoingMessage.text("Meet at the fountain at 4 pm")
              .attach(new LocationAttachmentRequest(55.75, 37.62))
              .keyboard(Keyboard.inline().withRow(Keyboard.callback("Move to 5 pm", "later")))))
          .onCallback("later", ctx -> ctx.edit(
              Updates.message(ctx.update()).orElseThrow().body().mid(),
              OutgoingMessage.text("Meet at the fountain at 5 pm"))))
      .build());

  @Test
  void editingOnlyTheTextOfAMessageKeepsItsLocation() {
    TestUser alice = bot.user("alice");
    alice.sends("/meet").expectReply("Meet at the fountain at 4 pm").presses("Move to 5 pm")
        .expectEdit(edited -> {
          assertEquals("Meet at the fountain at 5 pm", edited.text());
          assertEquals(List.of("location"), edited.message().attachments().stream()
              .map(a -> a.path("type").asText()).filter(t -> !t.equals("inline_keyboard")).toList());
        });
  }
}
