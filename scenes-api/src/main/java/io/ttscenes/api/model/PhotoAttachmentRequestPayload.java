package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * Which image to attach: exactly one of the fields is set.
 *
 * @param url an external image URL; may be null
 * @param token the token of an existing attachment; may be null
 * @param photos tokens obtained by uploading; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PhotoAttachmentRequestPayload(
    String url,
    String token,
    Map<String, PhotoToken> photos) {
  /** Copies collections so the record stays immutable; null stays null (see above). */
  public PhotoAttachmentRequestPayload {
    photos = photos == null ? null : Lists.map(photos);
  }
}
