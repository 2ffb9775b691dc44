package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * A chat's title was changed.
 *
 * @param timestamp when the event occurred, Unix milliseconds
 * @param eventChatId the chat where the event occurred (read it via {@link #chatId()})
 * @param changedBy the user who changed it (also {@link #user()})
 * @param title the new title
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatTitleChangedUpdate(
    long timestamp,
    @JsonProperty("chat_id") long eventChatId,
    @JsonProperty("user") User changedBy,
    String title) implements Update {
  /** Always {@code "chat_title_changed"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("update_type")
  public String updateType() {
    return "chat_title_changed";
  }

  @Override
  public Optional<Long> chatId() {
    return Optional.of(eventChatId);
  }

  @Override
  public Optional<User> user() {
    return Optional.ofNullable(changedBy);
  }
}
