package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A file attachment.
 *
 * @param payload the file URL and token
 * @param filename the uploaded file name
 * @param size file size in bytes
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FileAttachment(
    FileAttachmentPayload payload,
    String filename,
    long size) implements Attachment {
  /** Always {@code "file"}: the wire discriminator of this type. */
  @Override
  @JsonProperty("type")
  public String type() {
    return "file";
  }
}
