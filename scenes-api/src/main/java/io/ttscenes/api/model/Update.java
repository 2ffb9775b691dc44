package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Optional;

/**
 * An event in a chat the bot takes part in, discriminated by {@code update_type}. Types this
 * version does not know (MAX's {@code bot_stopped}, {@code dialog_muted}...) parse to
 * {@link UnknownUpdate}, which keeps the whole JSON object.
 *
 * <p>The routing accessors ({@link #chatId()}, {@link #user()}, {@link #userId()},
 * {@link #userLocale()}) give the same answer for every type that carries the value.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "update_type",
    visible = true,
    defaultImpl = UnknownUpdate.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = MessageCreatedUpdate.class, name = "message_created"),
  @JsonSubTypes.Type(value = MessageCallbackUpdate.class, name = "message_callback"),
  @JsonSubTypes.Type(value = MessageEditedUpdate.class, name = "message_edited"),
  @JsonSubTypes.Type(value = MessageRemovedUpdate.class, name = "message_removed"),
  @JsonSubTypes.Type(value = BotAddedToChatUpdate.class, name = "bot_added"),
  @JsonSubTypes.Type(value = BotRemovedFromChatUpdate.class, name = "bot_removed"),
  @JsonSubTypes.Type(value = UserAddedToChatUpdate.class, name = "user_added"),
  @JsonSubTypes.Type(value = UserRemovedFromChatUpdate.class, name = "user_removed"),
  @JsonSubTypes.Type(value = BotStartedUpdate.class, name = "bot_started"),
  @JsonSubTypes.Type(value = ChatTitleChangedUpdate.class, name = "chat_title_changed"),
  @JsonSubTypes.Type(
      value = MessageConstructionRequest.class, name = "message_construction_request"),
  @JsonSubTypes.Type(value = MessageConstructedUpdate.class, name = "message_constructed"),
  @JsonSubTypes.Type(value = MessageChatCreatedUpdate.class, name = "message_chat_created")
})
public sealed interface Update
    permits MessageCreatedUpdate, MessageCallbackUpdate, MessageEditedUpdate, MessageRemovedUpdate,
        BotAddedToChatUpdate, BotRemovedFromChatUpdate, UserAddedToChatUpdate,
        UserRemovedFromChatUpdate, BotStartedUpdate, ChatTitleChangedUpdate,
        MessageConstructionRequest, MessageConstructedUpdate, MessageChatCreatedUpdate,
        UnknownUpdate {

  /** The wire discriminator, e.g. {@code "message_created"}; never null. */
  @JsonProperty("update_type")
  String updateType();

  /** When the event occurred, Unix time in milliseconds. */
  @JsonProperty("timestamp")
  long timestamp();

  /** The chat the event happened in, if the update names one. */
  default Optional<Long> chatId() {
    return Optional.empty();
  }

  /**
   * The type of the chat the event happened in (a dialog with the user, a group chat, a channel),
   * when the update tells it: a message's recipient, or {@code bot_started}, which is always a dialog.
   */
  default Optional<ChatType> chatType() {
    return Optional.empty();
  }

  /**
   * The acting user: the sender of a created or edited message, the user who pressed a button,
   * otherwise the update's {@code user} field; empty when the update has none.
   */
  default Optional<User> user() {
    return Optional.empty();
  }

  /** The id of the acting user; by default the id of {@link #user()}. */
  default Optional<Long> userId() {
    return user().map(User::userId);
  }

  /** The user's locale (IETF BCP 47), when the server sends it. */
  default Optional<String> userLocale() {
    return Optional.empty();
  }
}
