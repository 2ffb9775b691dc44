package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A page of updates from long polling ({@code GET /updates}).
 *
 * @param updates the updates of this page, oldest first
 * @param marker the marker to pass to get the next page; may be null
 * @param unreadable the updates of this page the client could not read, first seen in this page
 *     (not part of the wire format: a client fills it in while reading the page)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdateList(
    List<Update> updates,
    Long marker,
    @JsonIgnore List<UnreadableUpdate> unreadable) {
  /** Copies collections so the record stays immutable; a missing list becomes empty. */
  public UpdateList {
    updates = Lists.copy(updates);
    unreadable = Lists.copy(unreadable);
  }

  /** A page as TamTam sends it: every update of it was read. */
  @JsonCreator
  public UpdateList(@JsonProperty("updates") List<Update> updates, @JsonProperty("marker") Long marker) {
    this(updates, marker, List.of());
  }
}
