package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A page of chats ({@code GET /chats}).
 *
 * @param chats the chats of this page
 * @param marker marker of the next page; null on the last page
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatList(
    List<Chat> chats,
    Long marker) {
  /** Copies collections so the record stays immutable; a missing list becomes empty. */
  public ChatList {
    chats = Lists.copy(chats);
  }
}
