package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An action shown to chat members, such as typing.
 *
 * <p>{@link #UNKNOWN} stands for any value this version does not know; it is what a newer
 * server value parses to (with the mapper from {@code WireJson}) and must not be sent.
 */
public enum SenderAction {
  @JsonProperty("typing_on")
  TYPING_ON,
  @JsonProperty("sending_photo")
  SENDING_PHOTO,
  @JsonProperty("sending_video")
  SENDING_VIDEO,
  @JsonProperty("sending_audio")
  SENDING_AUDIO,
  @JsonProperty("sending_file")
  SENDING_FILE,
  @JsonProperty("mark_seen")
  MARK_SEEN,
  /** A value the server sent that this version of the model does not know. */
  @JsonEnumDefaultValue
  @JsonProperty("unknown")
  UNKNOWN
}
