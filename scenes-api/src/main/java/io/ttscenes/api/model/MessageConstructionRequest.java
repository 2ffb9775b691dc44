package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * A user sent input to the bot in constructor mode; answer with a {@link ConstructorAnswer}.
 *
 * @param timestamp when the event occurred, Unix milliseconds
 * @param requester the user constructing (also {@link #user()})
 * @param locale the user's locale; may be null (read it via {@link #userLocale()})
 * @param sessionId the constructor session id
 * @param data the data of the previous answer; may be null
 * @param input the user's input: a button callback or messages
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageConstructionRequest(
    long timestamp,
    @JsonProperty("user") UserWithPhoto requester,
    @JsonProperty("user_locale") String locale,
    @JsonProperty("session_id") String sessionId,
    String data,
    ConstructorInput input) implements Update {
  /** Always {@code "message_construction_request"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("update_type")
  public String updateType() {
    return "message_construction_request";
  }

  @Override
  public Optional<User> user() {
    return requester == null ? Optional.empty() : Optional.of(requester.asUser());
  }

  @Override
  public Optional<String> userLocale() {
    return Optional.ofNullable(locale);
  }
}
