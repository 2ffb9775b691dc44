package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * A message made with the bot's constructor was posted.
 *
 * @param timestamp when the event occurred, Unix milliseconds
 * @param sessionId the constructor session id
 * @param message the posted message
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageConstructedUpdate(
    long timestamp,
    @JsonProperty("session_id") String sessionId,
    ConstructedMessage message) implements Update {
  /** Always {@code "message_constructed"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("update_type")
  public String updateType() {
    return "message_constructed";
  }

  @Override
  public Optional<User> user() {
    return message == null ? Optional.empty() : Optional.ofNullable(message.sender());
  }
}
