package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * A user pressed Start in a dialog with the bot, possibly from a deep link.
 *
 * @param timestamp when the event occurred, Unix milliseconds
 * @param eventChatId the chat where the event occurred (read it via {@link #chatId()})
 * @param startedBy the user who pressed Start (also {@link #user()})
 * @param payload the deep-link payload; may be null
 * @param locale the user's locale; may be null (read it via {@link #userLocale()})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BotStartedUpdate(
    long timestamp,
    @JsonProperty("chat_id") long eventChatId,
    @JsonProperty("user") User startedBy,
    String payload,
    @JsonProperty("user_locale") String locale) implements Update {
  /** Always {@code "bot_started"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("update_type")
  public String updateType() {
    return "bot_started";
  }

  @Override
  public Optional<Long> chatId() {
    return Optional.of(eventChatId);
  }

  /** Always a dialog: a user presses Start in their dialog with the bot. */
  @Override
  public Optional<ChatType> chatType() {
    return Optional.of(ChatType.DIALOG);
  }

  @Override
  public Optional<User> user() {
    return Optional.ofNullable(startedBy);
  }

  @Override
  public Optional<String> userLocale() {
    return Optional.ofNullable(locale);
  }
}
