package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import java.util.Optional;

/**
 * An update whose {@code update_type} this version does not know, such as MAX's
 * {@code bot_stopped} or {@code dialog_muted}. It keeps the complete JSON object (including
 * {@code update_type} and {@code timestamp}) and serializes back to it unchanged.
 *
 * @param fields every field of the update as raw JSON values (maps, lists, strings, numbers,
 *     booleans, nulls), in wire order; unmodifiable
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnknownUpdate(Map<String, Object> fields) implements Update {
  /** Deep-copies {@code fields}; null becomes an empty map. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public UnknownUpdate {
    fields = RawFields.freeze(fields);
  }

  /** The raw JSON object, which is also this update's wire form. */
  @Override
  @JsonValue
  public Map<String, Object> fields() {
    return fields;
  }

  /** The {@code update_type} as sent, or an empty string if it was missing. */
  @Override
  public String updateType() {
    return RawFields.string(fields, "update_type").orElse("");
  }

  /** The {@code timestamp} as sent, or 0 if it was missing. */
  @Override
  public long timestamp() {
    return RawFields.number(fields, "timestamp").orElse(0L);
  }

  /** The top-level {@code chat_id}, else the chat of a {@code message} field's recipient. */
  @Override
  public Optional<Long> chatId() {
    return RawFields.number(fields, "chat_id")
        .or(() -> RawFields.object(fields, "message")
            .flatMap(m -> RawFields.object(m, "recipient"))
            .flatMap(r -> RawFields.number(r, "chat_id")));
  }

  /** The {@code user} field read as a {@link User}, if present. */
  @Override
  public Optional<User> user() {
    return RawFields.user(fields, "user");
  }

  /** The id of {@link #user()}, else a top-level {@code user_id}. */
  @Override
  public Optional<Long> userId() {
    return user().map(User::userId).or(() -> RawFields.number(fields, "user_id"));
  }

  /** The top-level {@code user_locale}, if present. */
  @Override
  public Optional<String> userLocale() {
    return RawFields.string(fields, "user_locale");
  }
}
