package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/**
 * An attachment with a {@code type} this version does not know. It keeps the complete
 * JSON object and serializes back to it unchanged, so it survives being stored and re-sent.
 *
 * @param fields every field as raw JSON values (maps, lists, strings, numbers, booleans, nulls),
 *     in wire order; unmodifiable
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnknownAttachment(Map<String, Object> fields) implements Attachment {
  /** Deep-copies {@code fields}; null becomes an empty map. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public UnknownAttachment {
    fields = RawFields.freeze(fields);
  }

  /** The raw JSON object, which is also the wire form. */
  @Override
  @JsonValue
  public Map<String, Object> fields() {
    return fields;
  }

  /** The {@code type} as sent, or an empty string if it was missing. */
  @Override
  public String type() {
    return RawFields.string(fields, "type").orElse("");
  }
}
