package io.ttscenes.runtime.engine;

import io.ttscenes.api.model.Attachment;
import io.ttscenes.api.model.BotAddedToChatUpdate;
import io.ttscenes.api.model.BotRemovedFromChatUpdate;
import io.ttscenes.api.model.BotStartedUpdate;
import io.ttscenes.api.model.Callback;
import io.ttscenes.api.model.CallbackConstructorInput;
import io.ttscenes.api.model.Chat;
import io.ttscenes.api.model.ChatStatus;
import io.ttscenes.api.model.ChatTitleChangedUpdate;
import io.ttscenes.api.model.ChatType;
import io.ttscenes.api.model.ConstructedMessage;
import io.ttscenes.api.model.ConstructedMessageBody;
import io.ttscenes.api.model.ContactAttachment;
import io.ttscenes.api.model.ContactAttachmentPayload;
import io.ttscenes.api.model.LocationAttachment;
import io.ttscenes.api.model.Message;
import io.ttscenes.api.model.MessageBody;
import io.ttscenes.api.model.MessageCallbackUpdate;
import io.ttscenes.api.model.MessageChatCreatedUpdate;
import io.ttscenes.api.model.MessageConstructedUpdate;
import io.ttscenes.api.model.MessageConstructionRequest;
import io.ttscenes.api.model.MessageConstructorInput;
import io.ttscenes.api.model.MessageCreatedUpdate;
import io.ttscenes.api.model.MessageEditedUpdate;
import io.ttscenes.api.model.MessageRemovedUpdate;
import io.ttscenes.api.model.PhotoAttachment;
import io.ttscenes.api.model.PhotoAttachmentPayload;
import io.ttscenes.api.model.Recipient;
import io.ttscenes.api.model.UnknownUpdate;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.model.User;
import io.ttscenes.api.model.UserAddedToChatUpdate;
import io.ttscenes.api.model.UserRemovedFromChatUpdate;
import io.ttscenes.api.model.UserWithPhoto;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Builds wire-model updates for tests; every update gets a fresh timestamp and message id. */
final class TestUpdates {
  private static final AtomicLong CLOCK = new AtomicLong(1_700_000_000_000L);

  private TestUpdates() {}

  static long next() {
    return CLOCK.incrementAndGet();
  }

  static User user(long id) {
    return new User(id, "User " + id, "user" + id, false, 0);
  }

  static Message message(long user, long chat, String mid, String text, List<Attachment> attachments) {
    return new Message(user(user), new Recipient(chat, ChatType.DIALOG, null), next(), null,
        new MessageBody(mid, 1, text, attachments, null), null, null, null);
  }

  static MessageCreatedUpdate text(long user, long chat, String text) {
    return new MessageCreatedUpdate(next(), message(user, chat, "mid." + next(), text, List.of()), "ru-RU");
  }

  /** A text message in group chat {@code chat} (a negative id). */
  static MessageCreatedUpdate groupText(long user, long chat, String text) {
    Message message = new Message(user(user), new Recipient(chat, ChatType.CHAT, null), next(), null,
        new MessageBody("mid." + next(), 1, text, List.of(), null), null, null, null);
    return new MessageCreatedUpdate(next(), message, "ru-RU");
  }

  static MessageCreatedUpdate textWithMid(long user, long chat, String mid, String text) {
    return new MessageCreatedUpdate(next(), message(user, chat, mid, text, List.of()), "ru-RU");
  }

  static MessageCreatedUpdate contact(long user, long chat) {
    Attachment contact = new ContactAttachment(new ContactAttachmentPayload("BEGIN:VCARD", user(user)));
    return new MessageCreatedUpdate(next(), message(user, chat, "mid." + next(), null, List.of(contact)), null);
  }

  static MessageCreatedUpdate location(long user, long chat) {
    Attachment location = new LocationAttachment(55.75, 37.62);
    return new MessageCreatedUpdate(next(), message(user, chat, "mid." + next(), null, List.of(location)), null);
  }

  static MessageCreatedUpdate photo(long user, long chat) {
    Attachment photo = new PhotoAttachment(new PhotoAttachmentPayload(1, "tok", "https://x/p.jpg"));
    return new MessageCreatedUpdate(next(), message(user, chat, "mid." + next(), "look", List.of(photo)), null);
  }

  static MessageCallbackUpdate callback(long user, long chat, String payload) {
    return callbackWithId(user, chat, "cb." + next(), payload);
  }

  static MessageCallbackUpdate callbackWithId(long user, long chat, String callbackId, String payload) {
    return new MessageCallbackUpdate(next(), new Callback(next(), callbackId, payload, user(user)),
        message(1, chat, "mid.kb", "pick", List.of()), "en-US");
  }

  static MessageEditedUpdate edited(long user, long chat, String mid, String text) {
    return new MessageEditedUpdate(next(), message(user, chat, mid, text, List.of()));
  }

  static MessageRemovedUpdate removed(long user, long chat, String mid) {
    return new MessageRemovedUpdate(next(), mid, chat, user);
  }

  static BotStartedUpdate botStarted(long user, long chat, String payload) {
    return new BotStartedUpdate(next(), chat, user(user), payload, "ru-RU");
  }

  static BotAddedToChatUpdate botAdded(long user, long chat) {
    return new BotAddedToChatUpdate(next(), chat, user(user), false);
  }

  static BotRemovedFromChatUpdate botRemoved(long user, long chat) {
    return new BotRemovedFromChatUpdate(next(), chat, user(user), false);
  }

  static UserAddedToChatUpdate userAdded(long user, long chat) {
    return new UserAddedToChatUpdate(next(), chat, user(user), 1L, false);
  }

  static UserRemovedFromChatUpdate userRemoved(long user, long chat) {
    return new UserRemovedFromChatUpdate(next(), chat, user(user), 1L, false);
  }

  static ChatTitleChangedUpdate titleChanged(long user, long chat, String title) {
    return new ChatTitleChangedUpdate(next(), chat, user(user), title);
  }

  static MessageConstructionRequest constructorButton(long user, String session, String payload) {
    return new MessageConstructionRequest(next(), withPhoto(user), "ru-RU", session, null,
        new CallbackConstructorInput(payload));
  }

  static MessageConstructionRequest constructorText(long user, String session, String text) {
    return new MessageConstructionRequest(next(), withPhoto(user), "ru-RU", session, null,
        new MessageConstructorInput(List.of(new ConstructedMessageBody(text, List.of(), null, null))));
  }

  static MessageConstructedUpdate constructed(long user, String session) {
    return new MessageConstructedUpdate(next(), session,
        new ConstructedMessage(user(user), next(), null, new MessageBody("mid.c", 1, "done", List.of(), null)));
  }

  static MessageChatCreatedUpdate chatCreated(long chat, String startPayload) {
    Chat created = new Chat(chat, ChatType.CHAT, ChatStatus.ACTIVE, "New chat", null, 0, 1, null,
        Map.of(), false, null, null, null, null, null, null);
    return new MessageChatCreatedUpdate(next(), created, "mid.button", startPayload);
  }

  static UnknownUpdate unknown(String type, long user, long chat) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("update_type", type);
    fields.put("timestamp", next());
    fields.put("chat_id", chat);
    fields.put("user", Map.of("user_id", user, "name", "User " + user));
    return new UnknownUpdate(fields);
  }

  private static UserWithPhoto withPhoto(long id) {
    return new UserWithPhoto(id, "User " + id, "user" + id, false, 0, null, null, null);
  }

  static String describe(Update update) {
    return update.updateType() + "@" + update.timestamp();
  }
}
