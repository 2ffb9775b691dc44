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
  /** Copies collections so the record stays immutable; null stays null (see above). */
  public PhotoTokens {
    photos = photos == null ? null : Lists.map(photos);
  }
}
