package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A chat, channel or dialog the bot takes part in.
 *
 * @param chatId the chat identifier
 * @param type dialog, chat or channel
 * @param status the bot's status in the chat
 * @param title the title; may be null for dialogs
 * @param icon the chat icon; may be null
 * @param lastEventTime time of the last event in the chat
 * @param participantsCount number of participants
 * @param ownerId the owner's id, visible to admins only; may be null
 * @param participants user id to last activity time, admins only; may be null
 * @param isPublic whether the chat is public
 * @param link the chat link; may be null
 * @param description the chat description; may be null
 * @param dialogWithUser the other user of a dialog; may be null
 * @param messagesCount message count for group chats and channels; may be null
 * @param chatMessageId the message whose chat button created this chat; may be null
 * @param pinnedMessage the pinned message, only for a single requested chat; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Chat(
    @JsonProperty("chat_id") long chatId,
    ChatType type,
    ChatStatus status,
    String title,
    Image icon,
    @JsonProperty("last_event_time") long lastEventTime,
    @JsonProperty("participants_count") int participantsCount,
    @JsonProperty("owner_id") Long ownerId,
    Map<String, Long> participants,
    @JsonProperty("is_public") boolean isPublic,
    String link,
    String description,
    @JsonProperty("dialog_with_user") UserWithPhoto dialogWithUser,
    @JsonProperty("messages_count") Integer messagesCount,
    @JsonProperty("chat_message_id") String chatMessageId,
    @JsonProperty("pinned_message") Message pinnedMessage) {
  /** Copies collections so the record stays immutable; null stays null (see above). */
  public Chat {
    participants = participants == null ? null : Lists.map(participants);
  }
}
