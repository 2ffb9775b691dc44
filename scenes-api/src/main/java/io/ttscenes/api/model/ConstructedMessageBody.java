package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A message prepared by a bot constructor, or user input during construction.
 *
 * @param text the text; may be null
 * @param attachments attachments; empty when none
 * @param markup text markup; empty when none
 * @param format text format; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConstructedMessageBody(
    String text,
    List<AttachmentRequest> attachments,
    List<MarkupElement> markup,
    TextFormat format) {
  /** Copies collections so the record stays immutable; a missing list becomes empty. */
  public ConstructedMessageBody {
    attachments = Lists.copy(attachments);
    markup = Lists.copy(markup);
  }
}
