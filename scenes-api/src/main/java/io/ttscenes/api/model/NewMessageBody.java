package io.ttscenes.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A message to send or the new content of an edited message.
 *
 * @param text the text, up to 4000 chars; may be null
 * @param attachments attachments; null leaves an edited message's attachments
 *     unchanged, an empty list removes them
 * @param link a message to reply to or forward; may be null
 * @param notifyMembers false to send silently (server default true); may be null
 * @param format how to interpret markup in {@code text}; may be null for plain text
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NewMessageBody(
    String text,
    List<AttachmentRequest> attachments,
    NewMessageLink link,
    @JsonProperty("notify") Boolean notifyMembers,
    TextFormat format) {
  /** Copies collections so the record stays immutable; null stays null (see above). */
  public NewMessageBody {
    attachments = attachments == null ? null : Lists.copy(attachments);
  }

  /** A plain text message without attachments. */
  public static NewMessageBody text(String text) {
    return new NewMessageBody(text, null, null, null, null);
  }

  /** A message with text in the given format (null for plain) and the given attachments. */
  public static NewMessageBody of(
      String text, TextFormat format, List<AttachmentRequest> attachments) {
    return new NewMessageBody(text, attachments, null, null, format);
  }

  /** This message as a reply to (or forward of, per {@code type}) the message {@code mid}. */
  public NewMessageBody withLink(MessageLinkType type, String mid) {
    NewMessageLink newLink = new NewMessageLink(type, mid);
    return new NewMessageBody(text, attachments, newLink, notifyMembers, format);
  }

  /** This message with notification of chat members switched on or off. */
  public NewMessageBody withNotify(boolean notify) {
    return new NewMessageBody(text, attachments, link, notify, format);
  }
}
