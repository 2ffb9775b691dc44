package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A page of chat members.
 *
 * @param members the members of this page
 * @param marker marker of the next page; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatMembersList(
    List<ChatMember> members,
    Long marker) {
  /** Copies collections so the record stays immutable; a missing list becomes empty. */
  public ChatMembersList {
    members = Lists.copy(members);
  }
}
