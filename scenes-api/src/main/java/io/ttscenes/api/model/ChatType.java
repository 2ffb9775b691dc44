package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Type of chat: a dialog (one-on-one), a group chat or a channel.
 *
 * <p>{@link #UNKNOWN} stands for any value this version does not know; it is what a newer
 * server value parses to (with the mapper from {@code WireJson}) and must not be sent.
 */
public enum ChatType {
  @JsonProperty("dialog")
  DIALOG,
  @JsonProperty("chat")
  CHAT,
  @JsonProperty("channel")
  CHANNEL,
  /** A value the server sent that this version of the model does not know. */
  @JsonEnumDefaultValue
  @JsonProperty("unknown")
  UNKNOWN
}
