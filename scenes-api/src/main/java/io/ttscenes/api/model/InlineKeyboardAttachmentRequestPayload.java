package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The rows of buttons of a keyboard to attach.
 *
 * @param buttons rows of buttons
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InlineKeyboardAttachmentRequestPayload(
    List<List<Button>> buttons) {
  /** Copies collections so the record stays immutable; a missing list becomes empty. */
  public InlineKeyboardAttachmentRequestPayload {
    buttons = Lists.rows(buttons);
  }
}
