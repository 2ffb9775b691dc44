package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The content of a received message: text, attachments and markup.
 *
 * @param mid the unique message id
 * @param seq the sequence number in the chat
 * @param text the text; may be null
 * @param attachments attachments; empty when none (MAX omits the field)
 * @param markup text markup; empty when none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageBody(
    String mid,
    long seq,
    String text,
    List<Attachment> attachments,
    List<MarkupElement> markup) {
  /** Copies collections so the record stays immutable; a missing list becomes empty. */
  public MessageBody {
    attachments = Lists.copy(attachments);
    markup = Lists.copy(markup);
  }
}
