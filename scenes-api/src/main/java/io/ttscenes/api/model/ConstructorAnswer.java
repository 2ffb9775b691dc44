package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The bot's answer to a message construction request.
 *
 * @param messages messages prepared so far; empty when none
 * @param allowUserInput whether the user may type freely; may be null
 * @param hint a hint shown above the keyboard; may be null
 * @param data state returned with the next request, up to 8192 chars; may be null
 * @param keyboard keyboard shown in constructor mode; may be null
 * @param placeholder text shown in the empty input field; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConstructorAnswer(
    List<ConstructedMessageBody> messages,
    @JsonProperty("allow_user_input") Boolean allowUserInput,
    String hint,
    String data,
    KeyboardPayload keyboard,
    String placeholder) {
  /** Copies collections so the record stays immutable; a missing list becomes empty. */
  public ConstructorAnswer {
    messages = Lists.copy(messages);
  }
}
