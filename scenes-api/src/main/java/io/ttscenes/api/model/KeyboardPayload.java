package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Rows of buttons, the wire payload of an inline keyboard attachment (schema type {@code Keyboard});
 * authors build keyboards with {@link io.ttscenes.api.keyboard.Keyboard}.
 *
 * @param buttons rows of buttons
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KeyboardPayload(
    List<List<Button>> buttons) {
  /** Copies collections so the record stays immutable; a missing list becomes empty. */
  public KeyboardPayload {
    buttons = Lists.rows(buttons);
  }
}
