package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A mention of a user, by username or by id.
 *
 * @param from start index in the text
 * @param length length of the range
 * @param userLink the {@code @username}; may be null
 * @param userId the user id when there is no username; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserMentionMarkup(
    int from,
    int length,
    @JsonProperty("user_link") String userLink,
    @JsonProperty("user_id") Long userId) implements MarkupElement {
  /** Always {@code "user_mention"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "user_mention";
  }
}
