package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The kind of file to upload.
 *
 * <p>{@link #UNKNOWN} stands for any value this version does not know; it is what a newer
 * server value parses to (with the mapper from {@code WireJson}) and must not be sent.
 */
public enum UploadType {
  @JsonProperty("image")
  IMAGE,
  @JsonProperty("video")
  VIDEO,
  @JsonProperty("audio")
  AUDIO,
  @JsonProperty("file")
  FILE,
  /** A value the server sent that this version of the model does not know. */
  @JsonEnumDefaultValue
  @JsonProperty("unknown")
  UNKNOWN
}
