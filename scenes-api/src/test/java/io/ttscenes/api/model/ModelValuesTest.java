package io.ttscenes.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The model's factories, copies and routing accessors, without any JSON library. */
final class ModelValuesTest {
  private static final User ANN = new User(42L, "Ann", null, false, 0L);

  @Test
  void factoriesBuildWhatAuthorsExpect() {
    NewMessageBody hi = NewMessageBody.text("hi");
    assertEquals("hi", hi.text());
    assertNull(hi.attachments(), "plain text leaves attachments unset so edits keep them");
    assertNull(hi.format());
    assertEquals(new CallbackButton("Yes", "yes", null), CallbackButton.of("Yes", "yes"));
    assertEquals("callback", CallbackButton.of("Yes", "yes").type());
    assertEquals("https://x", LinkButton.of("X", "https://x").url());
    assertEquals(new CallbackAnswer(null, "saved"), CallbackAnswer.notification("saved"));
    NewMessageBody reply = NewMessageBody.of("*b*", TextFormat.MARKDOWN, List.of())
        .withLink(MessageLinkType.REPLY, "mid.1").withNotify(false);
    assertEquals(new NewMessageLink(MessageLinkType.REPLY, "mid.1"), reply.link());
    assertEquals(false, reply.notifyMembers());
  }

  @Test
  void keyboardRowsAreCopiedAndUnmodifiable() {
    List<Button> row = new ArrayList<>(List.of(CallbackButton.of("A", "a")));
    List<List<Button>> rows = new ArrayList<>(List.of(row));
    InlineKeyboardAttachmentRequest keyboard = InlineKeyboardAttachmentRequest.of(rows);
    row.add(LinkButton.of("B", "https://b"));
    rows.add(List.of());
    assertEquals(List.of(List.of(CallbackButton.of("A", "a"))), keyboard.payload().buttons());
    assertThrows(UnsupportedOperationException.class,
        () -> keyboard.payload().buttons().get(0).add(CallbackButton.of("C", "c")));
  }

  @Test
  void missingListsBecomeEmptyAndNullElementsAreDropped() {
    MessageBody body = new MessageBody("mid", 1L, null, null, Arrays.asList(
        new StrongMarkup(0, 1), null));
    assertEquals(List.of(), body.attachments());
    assertEquals(List.of(new StrongMarkup(0, 1)), body.markup());
  }

  @Test
  void aModelListAnswersWhetherItHoldsNullWhateverItWasBuiltFrom() {
    for (List<MarkupElement> markup : Arrays.asList(null, List.<MarkupElement>of(),
        Arrays.<MarkupElement>asList(null, null), List.<MarkupElement>of(new StrongMarkup(0, 1)))) {
      List<MarkupElement> kept = new MessageBody("mid", 1L, null, null, markup).markup();
      assertFalse(kept.contains(null), String.valueOf(markup));
      assertEquals(-1, kept.indexOf(null), String.valueOf(markup));
    }
  }

  @Test
  void keyboardRowsAnswerWhetherTheyHoldNullWhateverTheyWereBuiltFrom() {
    for (List<List<Button>> rows : Arrays.asList(null, List.<List<Button>>of(),
        Arrays.<List<Button>>asList(null, List.of(CallbackButton.of("A", "a"))))) {
      List<List<Button>> kept = new InlineKeyboardAttachmentRequestPayload(rows).buttons();
      assertFalse(kept.contains(null), String.valueOf(rows));
      assertEquals(-1, kept.indexOf(null), String.valueOf(rows));
      assertThrows(UnsupportedOperationException.class, () -> kept.add(List.of()), String.valueOf(rows));
    }
  }

  @Test
  void routingAccessorsAgreeAcrossUpdateTypes() {
    Message inDialog = new Message(ANN, new Recipient(7L, ChatType.DIALOG, 42L), 1L, null,
        new MessageBody("mid", 1L, "hi", null, null), null, null, null);
    Update created = new MessageCreatedUpdate(1L, inDialog, "en");
    assertEquals(Optional.of(7L), created.chatId());
    assertEquals(Optional.of(42L), created.userId());
    assertEquals(Optional.of("en"), created.userLocale());

    Update pressedOnDeleted = new MessageCallbackUpdate(2L, new Callback(2L, "cb", "p", ANN),
        null, null);
    assertEquals(Optional.empty(), pressedOnDeleted.chatId());
    assertEquals(Optional.of(ANN), pressedOnDeleted.user());

    Update removed = new MessageRemovedUpdate(3L, "mid", 7L, 43L);
    assertEquals(Optional.of(43L), removed.userId());
    assertEquals(Optional.empty(), removed.user());
    assertEquals("message_removed", removed.updateType());
  }

  @Test
  void unknownUpdateRoutesFromItsRawFields() {
    Map<String, Object> user = new LinkedHashMap<>(Map.of("user_id", 42, "name", "Ann"));
    Map<String, Object> raw = new LinkedHashMap<>();
    raw.put("update_type", "bot_stopped");
    raw.put("timestamp", 1775025604499L);
    raw.put("chat_id", 7);
    raw.put("user", user);
    raw.put("note", null);
    UnknownUpdate update = new UnknownUpdate(raw);
    user.put("name", "changed later");

    assertEquals("bot_stopped", update.updateType());
    assertEquals(1775025604499L, update.timestamp());
    assertEquals(Optional.of(7L), update.chatId());
    assertEquals(Optional.of(new User(42L, "Ann", null, false, 0L)), update.user());
    assertEquals(Optional.empty(), update.userLocale());
    assertEquals(List.of("update_type", "timestamp", "chat_id", "user", "note"),
        List.copyOf(update.fields().keySet()));
    assertThrows(UnsupportedOperationException.class, () -> update.fields().put("x", 1));
  }

  @Test
  void unknownUpdateFallsBackToMessageRecipientAndUserId() {
    UnknownUpdate update = new UnknownUpdate(Map.of("update_type", "message_reaction",
        "user_id", 5, "message", Map.of("recipient", Map.of("chat_id", -9))));
    assertEquals(Optional.of(-9L), update.chatId());
    assertEquals(Optional.of(5L), update.userId());
    assertEquals(0L, update.timestamp());
  }

  @Test
  void userFamilyShrinksToPlainUser() {
    UserWithPhoto withPhoto = new UserWithPhoto(42L, "Ann", null, false, 0L, "d", "a", "f");
    assertEquals(ANN, withPhoto.asUser());
  }
}
