package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * What the upload server returns for uploaded images.
 *
 * @param photos image name to token; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PhotoTokens(
    Map<String, PhotoToken> photos) {
  /** Copies lists so the record stays immutable; a list missing on the wire becomes empty. */
  public PhotoTokens {
    photos = photos == null ? null : Lists.map(photos);
  }
}
