package io.ttscenes.api;

import io.ttscenes.api.client.ApiLimits;
import io.ttscenes.api.keyboard.Keyboard;
import io.ttscenes.api.model.AttachmentRequest;
import io.ttscenes.api.model.ConstructedMessageBody;
import io.ttscenes.api.model.ConstructorAnswer;
import io.ttscenes.api.model.NewMessageBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The bot's answer in a constructor session, built fluently for {@link Context#construct}: the
 * messages prepared so far (as {@link OutgoingMessage}s, the type {@code reply} takes, keyboards
 * included), the keyboard shown in constructor mode, a hint, a placeholder, whether free input is
 * allowed and the state to get back with the next request. Immutable; every method returns a new one.
 *
 * @param messages the prepared messages
 * @param keyboard the constructor-mode keyboard, or null
 * @param hint the hint above the keyboard, or null
 * @param placeholder the input field's placeholder, or null
 * @param allowInput whether the user may type
 * @param data state returned with the next request (up to 8192 chars), or null
 */
public record Construction(List<OutgoingMessage> messages, Keyboard keyboard, String hint,
    String placeholder, boolean allowInput, String data) {
  /** Copies the messages and checks the data's length. */
  public Construction {
    messages = List.copyOf(messages);
    if (data != null) {
      ApiLimits.checkMaxLength("constructor data", data, ApiLimits.CONSTRUCTOR_DATA_MAX);
    }
  }

  /** An answer with nothing prepared yet that lets the user type. */
  public static Construction answer() {
    return new Construction(List.of(), null, null, null, true, null);
  }

  /** This answer with one more prepared message. */
  public Construction message(OutgoingMessage message) {
    List<OutgoingMessage> more = new ArrayList<>(messages);
    more.add(Objects.requireNonNull(message, "message"));
    return new Construction(more, keyboard, hint, placeholder, allowInput, data);
  }

  /** This answer with one more prepared plain-text message. */
  public Construction message(String text) {
    return message(OutgoingMessage.text(text));
  }

  /** This answer showing {@code keyboard} in constructor mode. */
  public Construction keyboard(Keyboard keyboard) {
    return new Construction(messages, Objects.requireNonNull(keyboard, "keyboard"), hint, placeholder,
        allowInput, data);
  }

  /** This answer with a hint shown above the keyboard. */
  public Construction hint(String hint) {
    return new Construction(messages, keyboard, Objects.requireNonNull(hint, "hint"), placeholder, allowInput, data);
  }

  /** This answer with a placeholder in the empty input field. */
  public Construction placeholder(String placeholder) {
    return new Construction(messages, keyboard, hint, Objects.requireNonNull(placeholder, "placeholder"),
        allowInput, data);
  }

  /** This answer not letting the user type (buttons only). */
  public Construction buttonsOnly() {
    return new Construction(messages, keyboard, hint, placeholder, false, data);
  }

  /** This answer carrying {@code data} back in the next request. */
  public Construction data(String data) {
    return new Construction(messages, keyboard, hint, placeholder, allowInput, Objects.requireNonNull(data, "data"));
  }

  /** Returns the wire answer. */
  public ConstructorAnswer toAnswer() {
    List<ConstructedMessageBody> bodies = messages.stream().map(Construction::body).toList();
    return new ConstructorAnswer(bodies, allowInput, hint, data,
        keyboard == null ? null : keyboard.toPayload(), placeholder);
  }

  private static ConstructedMessageBody body(OutgoingMessage message) {
    NewMessageBody body = message.body();
    List<AttachmentRequest> attachments = body.attachments() == null ? List.of() : body.attachments();
    return new ConstructedMessageBody(body.text(), attachments, List.of(), body.format());
  }
}
