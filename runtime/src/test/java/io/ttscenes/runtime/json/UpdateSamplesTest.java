package io.ttscenes.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import io.ttscenes.api.model.BotAddedToChatUpdate;
import io.ttscenes.api.model.BotRemovedFromChatUpdate;
import io.ttscenes.api.model.BotStartedUpdate;
import io.ttscenes.api.model.ChatTitleChangedUpdate;
import io.ttscenes.api.model.ChatType;
import io.ttscenes.api.model.MessageCallbackUpdate;
import io.ttscenes.api.model.MessageCreatedUpdate;
import io.ttscenes.api.model.MessageEditedUpdate;
import io.ttscenes.api.model.MessageLinkType;
import io.ttscenes.api.model.MessageRemovedUpdate;
import io.ttscenes.api.model.UnknownUpdate;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.model.UpdateList;
import io.ttscenes.api.model.UserAddedToChatUpdate;
import io.ttscenes.api.model.UserRemovedFromChatUpdate;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The MAX update samples parse into the right update type with the fields a router needs. */
final class UpdateSamplesTest {
  private static final long JOHN = 123456789L;
  private static final long DIALOG = 182182182L;
  private static final long GROUP = -70801090403050L;

  private static Update webhook(String type) throws IOException {
    return MaxWireSamplesTest.read("webhook." + type + ".json", Update.class);
  }

  @Test
  void longPollPageKeepsMarkerAndUpdates() throws IOException {
    UpdateList page = MaxWireSamplesTest.read("update.message_created.json", UpdateList.class);
    assertEquals(25493970L, page.marker());
    assertInstanceOf(MessageCreatedUpdate.class, page.updates().get(0));
  }

  @Test
  void messageCreatedCarriesTextSenderAndForward() throws IOException {
    var update = assertInstanceOf(MessageCreatedUpdate.class, webhook("message_created"));
    assertEquals(1775025604499L, update.timestamp());
    assertEquals("mid.ffffbdb48e6c3775019d496b34394b84", update.message().body().mid());
    assertEquals("...", update.message().body().text());
    assertEquals(List.of(), update.message().body().attachments());
    assertEquals(ChatType.CHAT, update.message().recipient().chatType());
    assertEquals(Optional.of(GROUP), update.chatId());
    assertEquals(Optional.of(JOHN), update.userId());
    assertEquals("John Doe", update.user().orElseThrow().name());
    assertEquals(MessageLinkType.FORWARD, update.message().link().type());
    assertEquals("Лада седан - баклажан", update.message().link().message().text());
    assertEquals(-695695695695L, update.message().link().chatId());
  }

  @Test
  void messageCallbackCarriesPayloadCallbackIdAndPresser() throws IOException {
    var update = assertInstanceOf(MessageCallbackUpdate.class, webhook("message_callback"));
    assertEquals(Optional.of("picture"), update.payload());
    assertEquals("picture", update.callback().payload());
    assertEquals(JOHN, update.callback().user().userId());
    assertEquals(Optional.of(JOHN), update.userId());
    assertEquals(Optional.of(DIALOG), update.chatId());
    assertEquals(Optional.of("ru"), update.userLocale());
    assertEquals("mid.000000000adf429c019d47d58f2b3d9e", update.message().body().mid());
    assertEquals(229229229L, update.message().sender().userId());
  }

  @Test
  void messageEditedAndRemovedNameTheMessage() throws IOException {
    var edited = assertInstanceOf(MessageEditedUpdate.class, webhook("message_edited"));
    assertEquals("hi bot", edited.message().body().text());
    assertEquals(Optional.of(DIALOG), edited.chatId());
    assertEquals(Optional.of(JOHN), edited.userId());

    var removed = assertInstanceOf(MessageRemovedUpdate.class, webhook("message_removed"));
    assertEquals("mid.000000000adf429c019d47b1ce4600ff", removed.messageId());
    assertEquals(Optional.of(DIALOG), removed.chatId());
    assertEquals(Optional.of(JOHN), removed.userId());
    assertEquals(Optional.empty(), removed.user());
  }

  @Test
  void membershipUpdatesNameChatAndUser() throws IOException {
    var added = assertInstanceOf(BotAddedToChatUpdate.class, webhook("bot_added"));
    assertEquals(GROUP, added.eventChatId());
    assertEquals(JOHN, added.addedBy().userId());
    assertFalse(added.isChannel());
    var removed = assertInstanceOf(BotRemovedFromChatUpdate.class, webhook("bot_removed"));
    assertEquals(Optional.of(GROUP), removed.chatId());
    assertEquals(Optional.of(JOHN), removed.userId());

    var userAdded = assertInstanceOf(UserAddedToChatUpdate.class, webhook("user_added"));
    assertEquals(JOHN, userAdded.inviterId());
    assertEquals(Optional.of(JOHN), userAdded.userId());
    var userRemoved = assertInstanceOf(UserRemovedFromChatUpdate.class, webhook("user_removed"));
    assertEquals(JOHN, userRemoved.adminId());
    assertEquals(Optional.of(GROUP), userRemoved.chatId());
  }

  @Test
  void botStartedAndTitleChangedCarryTheirFields() throws IOException {
    var started = assertInstanceOf(BotStartedUpdate.class, webhook("bot_started"));
    assertEquals(Optional.of(DIALOG), started.chatId());
    assertEquals(Optional.of(JOHN), started.userId());
    assertEquals(Optional.of("ru"), started.userLocale());
    assertEquals("avatar.png", MaxWireSamplesTest.read("webhook.bot_started.json",
        JsonNode.class).at("/user/avatar_url").asText());

    var title = assertInstanceOf(ChatTitleChangedUpdate.class, webhook("chat_title_changed"));
    assertEquals("Look at me", title.title());
    assertEquals(Optional.of(GROUP), title.chatId());
    assertEquals(Optional.of(JOHN), title.userId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"bot_stopped", "dialog_muted", "dialog_unmuted", "dialog_cleared",
      "dialog_removed"})
  void maxOnlyTypesBecomeUnknownUpdatesThatStillRoute(String type) throws IOException {
    for (Update update : List.of(webhook(type), MaxWireSamplesTest.read(
        "update." + type + ".json", UpdateList.class).updates().get(0))) {
      var unknown = assertInstanceOf(UnknownUpdate.class, update);
      assertEquals(type, unknown.updateType());
      assertEquals(1775025604499L, unknown.timestamp());
      assertEquals(Optional.of(DIALOG), unknown.chatId());
      assertEquals(Optional.of("ru"), unknown.userLocale());
      assertEquals(type, unknown.fields().get("update_type"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bot_stopped", "dialog_muted", "dialog_unmuted", "dialog_cleared",
      "dialog_removed"})
  void maxOnlyTypesWithAUserExposeIt(String type) throws IOException {
    Update update = webhook(type);
    assertEquals(Optional.of(JOHN), update.userId());
    assertEquals("John Doe", update.user().orElseThrow().name());
    assertFalse(update.user().orElseThrow().isBot());
  }

  @Test
  void dialogMutedKeepsItsMaxOnlyField() throws IOException {
    var muted = assertInstanceOf(UnknownUpdate.class, webhook("dialog_muted"));
    assertEquals(1775027479470L, ((Number) muted.fields().get("muted_until")).longValue());
  }
}
