package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Rows of buttons, the payload of an inline keyboard attachment.
 *
 * @param buttons rows of buttons
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Keyboard(
    List<List<Button>> buttons) {
  /** Copies collections so the record stays immutable; a missing list becomes empty. */
  public Keyboard {
    buttons = Lists.rows(buttons);
  }
}
