package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A list of messages ({@code GET /messages}).
 *
 * @param messages the messages
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageList(
    List<Message> messages) {
  /** Copies collections so the record stays immutable; a missing list becomes empty. */
  public MessageList {
    messages = Lists.copy(messages);
  }
}
