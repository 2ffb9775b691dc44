package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An audio attachment.
 *
 * @param payload the audio URL and token
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AudioAttachment(
    MediaAttachmentPayload payload) implements Attachment {
  /** Always {@code "audio"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "audio";
  }
}
