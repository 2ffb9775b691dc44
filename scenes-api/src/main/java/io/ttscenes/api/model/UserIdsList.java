package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A list of user ids, e.g. members to add to a chat.
 *
 * @param userIds the user ids
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserIdsList(
    @JsonProperty("user_ids") List<Long> userIds) {
  /** Copies collections so the record stays immutable; a missing list becomes empty. */
  public UserIdsList {
    userIds = Lists.copy(userIds);
  }

  /** A list of the given ids. */
  public static UserIdsList of(List<Long> userIds) {
    return new UserIdsList(userIds);
  }
}
