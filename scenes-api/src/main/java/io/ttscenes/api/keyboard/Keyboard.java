package io.ttscenes.api.keyboard;

import io.ttscenes.api.PayloadTag;
import io.ttscenes.api.client.ApiLimits;
import io.ttscenes.api.model.Button;
import io.ttscenes.api.model.CallbackButton;
import io.ttscenes.api.model.ChatButton;
import io.ttscenes.api.model.InlineKeyboardAttachmentRequest;
import io.ttscenes.api.model.Intent;
import io.ttscenes.api.model.KeyboardPayload;
import io.ttscenes.api.model.LinkButton;
import io.ttscenes.api.model.RequestContactButton;
import io.ttscenes.api.model.RequestGeoLocationButton;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An inline keyboard: rows of buttons under a message; the one keyboard type authors use (the wire
 * form is {@link KeyboardPayload}). Immutable: {@link #withRow} returns a new keyboard and leaves
 * this one as it was, so a base keyboard can be shared and a dropped result is visibly a no-op. The factories check the API limits and throw
 * {@link IllegalArgumentException} naming the value, e.g. "callback payload is 1031 chars; the
 * limit is 1024".
 */
public final class Keyboard {
  private static final Keyboard EMPTY = new Keyboard(List.of());

  private final List<List<Button>> rows;

  private Keyboard(List<List<Button>> rows) {
    this.rows = rows;
  }

  /** Returns an empty inline keyboard to add rows to. */
  public static Keyboard inline() {
    return EMPTY;
  }

  /** Returns a keyboard of one row of {@code buttons} (at least one). */
  public static Keyboard of(Button... buttons) {
    return EMPTY.withRow(buttons);
  }

  /**
   * Returns a new keyboard: this one's rows plus one more row of {@code buttons} (at least one).
   * This keyboard is not changed; use the result.
   */
  public Keyboard withRow(Button... buttons) {
    if (buttons.length == 0) {
      throw new IllegalArgumentException("keyboard row " + (rows.size() + 1) + " is empty; a row needs at least 1 button");
    }
    List<List<Button>> more = new ArrayList<>(rows);
    more.add(List.of(buttons));
    return new Keyboard(List.copyOf(more));
  }

  /** Returns the rows of buttons. */
  public List<List<Button>> rows() {
    return rows;
  }

  /** Returns the keyboard's wire payload, as a constructor answer takes it. */
  public KeyboardPayload toPayload() {
    return new KeyboardPayload(rows);
  }

  /** Returns the keyboard as an attachment; throws when it has no rows (the API needs one). */
  public InlineKeyboardAttachmentRequest toAttachment() {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("keyboard has 0 rows; it needs at least 1");
    }
    return InlineKeyboardAttachmentRequest.of(rows);
  }

  /** A button that sends {@code payload} back to the bot. */
  public static CallbackButton callback(String text, String payload) {
    return callback(text, payload, Intent.DEFAULT);
  }

  /** A callback button drawn with {@code intent} (positive, negative, default). */
  public static CallbackButton callback(String text, String payload, Intent intent) {
    ApiLimits.checkButtonText(Objects.requireNonNull(text, "text"));
    ApiLimits.checkCallbackPayload(Objects.requireNonNull(payload, "payload"));
    if (payload.startsWith(PayloadTag.MARK)) {
      throw new IllegalArgumentException("callback payload '" + payload + "' starts with '" + PayloadTag.MARK
          + "', which marks typed payloads; use ctx.button(text, record) for typed data");
    }
    return CallbackButton.of(text, payload, Objects.requireNonNull(intent, "intent"));
  }

  /** A button that opens {@code url}. */
  public static LinkButton link(String text, String url) {
    ApiLimits.checkButtonText(Objects.requireNonNull(text, "text"));
    ApiLimits.checkLinkUrl(Objects.requireNonNull(url, "url"));
    return LinkButton.of(text, url);
  }

  /** A button that makes the user share their contact. */
  public static RequestContactButton requestContact(String text) {
    ApiLimits.checkButtonText(Objects.requireNonNull(text, "text"));
    return RequestContactButton.of(text);
  }

  /** A button that makes the user share their location; {@code quick} skips confirmation. */
  public static RequestGeoLocationButton requestLocation(String text, boolean quick) {
    ApiLimits.checkButtonText(Objects.requireNonNull(text, "text"));
    return new RequestGeoLocationButton(text, quick);
  }

  /** A button that creates a chat titled {@code chatTitle} on its first click. */
  public static ChatButton chat(String text, String chatTitle) {
    return chat(text, chatTitle, null, null);
  }

  /**
   * A chat-creating button with an optional description and start payload (either may be null);
   * the payload comes back in the {@code message_chat_created} update.
   */
  public static ChatButton chat(String text, String chatTitle, String description, String startPayload) {
    ApiLimits.checkButtonText(Objects.requireNonNull(text, "text"));
    ApiLimits.checkLength("chat button title", Objects.requireNonNull(chatTitle, "chatTitle"), 1,
        ApiLimits.CHAT_BUTTON_TITLE_MAX);
    if (description != null) {
      ApiLimits.checkMaxLength("chat button description", description,
          ApiLimits.CHAT_BUTTON_DESCRIPTION_MAX);
    }
    if (startPayload != null) {
      ApiLimits.checkMaxLength("chat button start payload", startPayload,
          ApiLimits.CHAT_BUTTON_START_PAYLOAD_MAX);
    }
    return new ChatButton(text, chatTitle, description, startPayload, null);
  }
}
