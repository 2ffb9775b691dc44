package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A page of updates from long polling ({@code GET /updates}).
 *
 * @param updates the updates of this page, oldest first
 * @param marker the marker to pass to get the next page; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdateList(
    List<Update> updates,
    Long marker) {
  /** Copies collections so the record stays immutable; a missing list becomes empty. */
  public UpdateList {
    updates = Lists.copy(updates);
  }
}
