package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Optional;

/**
 * A message in a chat.
 *
 * @param sender the author; null for messages posted on behalf of a channel
 * @param recipient where the message was sent
 * @param timestamp creation time, Unix milliseconds
 * @param link the forwarded or replied message; may be null
 * @param body text and attachments; may be null when only a forward
 * @param stat statistics, channels only; may be null
 * @param url public URL; may be null
 * @param constructor the bot-constructor that created the message; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Message(
    User sender,
    Recipient recipient,
    long timestamp,
    LinkedMessage link,
    MessageBody body,
    MessageStat stat,
    String url,
    User constructor) {
  /** The chat of this message, if the recipient names one. */
  public Optional<Long> chatId() {
    return recipient == null ? Optional.empty() : Optional.ofNullable(recipient.chatId());
  }

  /** The type of this message's chat, if the recipient tells it. */
  public Optional<ChatType> chatType() {
    return recipient == null ? Optional.empty() : Optional.ofNullable(recipient.chatType());
  }

  /** The text of this message, if it has a body with text. */
  public Optional<String> text() {
    return body == null ? Optional.empty() : Optional.ofNullable(body.text());
  }
}
