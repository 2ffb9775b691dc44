package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A permission of a chat admin.
 *
 * <p>{@link #UNKNOWN} stands for any value this version does not know; it is what a newer
 * server value parses to (with the mapper from {@code WireJson}) and must not be sent.
 */
public enum ChatAdminPermission {
  @JsonProperty("read_all_messages")
  READ_ALL_MESSAGES,
  @JsonProperty("add_remove_members")
  ADD_REMOVE_MEMBERS,
  @JsonProperty("add_admins")
  ADD_ADMINS,
  @JsonProperty("change_chat_info")
  CHANGE_CHAT_INFO,
  @JsonProperty("pin_message")
  PIN_MESSAGE,
  @JsonProperty("write")
  WRITE,
  /** A value the server sent that this version of the model does not know. */
  @JsonEnumDefaultValue
  @JsonProperty("unknown")
  UNKNOWN
}
