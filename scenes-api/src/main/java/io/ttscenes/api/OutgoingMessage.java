package io.ttscenes.api;

import io.ttscenes.api.client.ApiLimits;
import io.ttscenes.api.keyboard.Keyboard;
import io.ttscenes.api.model.AttachmentRequest;
import io.ttscenes.api.model.MessageLinkType;
import io.ttscenes.api.model.NewMessageBody;
import io.ttscenes.api.model.NewMessageLink;
import io.ttscenes.api.model.TextFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A message to send or the new content of a message to edit, built fluently:
 * {@code OutgoingMessage.text("*Hi*").markdown().keyboard(kb).replyTo(mid).silent()}. Immutable;
 * every method returns a new instance. The text is checked against the API's 4000-char limit.
 *
 * @param text the text, or null for a message of attachments only
 * @param format markdown or html, or null for plain text
 * @param attachments attachments other than the keyboard, or null when none were set: an edit then
 *     keeps the message's current attachments (the API's rule for a null list), a send has none
 * @param keyboard the inline keyboard, or null
 * @param link the message replied to or forwarded, or null
 * @param notifyMembers whether chat members are notified
 * @param disableLinkPreview whether the server must not generate link previews
 */
public record OutgoingMessage(
    String text,
    TextFormat format,
    List<AttachmentRequest> attachments,
    Keyboard keyboard,
    NewMessageLink link,
    boolean notifyMembers,
    boolean disableLinkPreview) {
  public OutgoingMessage {
    if (text != null) {
      ApiLimits.checkMessageText(text);
    }
    attachments = attachments == null ? null : List.copyOf(attachments);
  }

  /** A plain text message. */
  public static OutgoingMessage text(String text) {
    return new OutgoingMessage(Objects.requireNonNull(text, "text"), null, null, null, null,
        true, false);
  }

  /** A message without text, to carry attachments. */
  public static OutgoingMessage empty() {
    return new OutgoingMessage(null, null, null, null, null, true, false);
  }

  /** This message with its text interpreted as TamTam markdown. */
  public OutgoingMessage markdown() {
    return new OutgoingMessage(text, TextFormat.MARKDOWN, attachments, keyboard, link, notifyMembers,
        disableLinkPreview);
  }

  /** This message with its text interpreted as HTML. */
  public OutgoingMessage html() {
    return new OutgoingMessage(text, TextFormat.HTML, attachments, keyboard, link, notifyMembers,
        disableLinkPreview);
  }

  /** This message with an inline keyboard (replacing an earlier one). */
  public OutgoingMessage keyboard(Keyboard keyboard) {
    return new OutgoingMessage(text, format, attachments, Objects.requireNonNull(keyboard, "keyboard"),
        link, notifyMembers, disableLinkPreview);
  }

  /** This message with one more attachment. */
  public OutgoingMessage attach(AttachmentRequest attachment) {
    List<AttachmentRequest> more = attachments == null ? new ArrayList<>() : new ArrayList<>(attachments);
    more.add(Objects.requireNonNull(attachment, "attachment"));
    return new OutgoingMessage(text, format, more, keyboard, link, notifyMembers, disableLinkPreview);
  }

  /**
   * This message with no attachments and no keyboard at all: as an edit, it removes every
   * attachment of the message (an empty list on the wire), where a message that never set any
   * keeps them.
   */
  public OutgoingMessage withoutAttachments() {
    return new OutgoingMessage(text, format, List.of(), null, link, notifyMembers, disableLinkPreview);
  }

  /** This message as a reply to message {@code mid}. */
  public OutgoingMessage replyTo(String mid) {
    return new OutgoingMessage(text, format, attachments, keyboard,
        new NewMessageLink(MessageLinkType.REPLY, Objects.requireNonNull(mid, "mid")), notifyMembers,
        disableLinkPreview);
  }

  /** This message forwarding message {@code mid}. */
  public OutgoingMessage forward(String mid) {
    return new OutgoingMessage(text, format, attachments, keyboard,
        new NewMessageLink(MessageLinkType.FORWARD, Objects.requireNonNull(mid, "mid")), notifyMembers,
        disableLinkPreview);
  }

  /** This message sent without notifying chat members. */
  public OutgoingMessage silent() {
    return new OutgoingMessage(text, format, attachments, keyboard, link, false, disableLinkPreview);
  }

  /** This message without server-generated link previews. */
  public OutgoingMessage withoutLinkPreview() {
    return new OutgoingMessage(text, format, attachments, keyboard, link, notifyMembers, true);
  }

  /**
   * Returns the wire body: text, attachments with the keyboard last, link, notify, format. With
   * neither attachments nor a keyboard set, the list is null, so an edit keeps what the message has.
   */
  public NewMessageBody body() {
    if (attachments == null && keyboard == null) {
      return new NewMessageBody(text, null, link, notifyMembers ? null : Boolean.FALSE, format);
    }
    List<AttachmentRequest> all = attachments == null ? new ArrayList<>() : new ArrayList<>(attachments);
    if (keyboard != null) {
      all.add(keyboard.toAttachment());
    }
    return new NewMessageBody(text, all, link, notifyMembers ? null : Boolean.FALSE, format);
  }
}
