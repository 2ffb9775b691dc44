package io.ttscenes.api;

import io.ttscenes.api.model.Attachment;
import io.ttscenes.api.model.BotStartedUpdate;
import io.ttscenes.api.model.CallbackConstructorInput;
import io.ttscenes.api.model.ConstructedMessageBody;
import io.ttscenes.api.model.Message;
import io.ttscenes.api.model.MessageCallbackUpdate;
import io.ttscenes.api.model.MessageChatCreatedUpdate;
import io.ttscenes.api.model.MessageConstructedUpdate;
import io.ttscenes.api.model.MessageConstructionRequest;
import io.ttscenes.api.model.MessageConstructorInput;
import io.ttscenes.api.model.MessageCreatedUpdate;
import io.ttscenes.api.model.MessageEditedUpdate;
import io.ttscenes.api.model.Update;
import java.util.List;
import java.util.Optional;

/**
 * Reads the parts of an update that routing and handlers care about, whatever its type: the
 * acting user's id, the chat, the message text and attachments, button and deep-link payloads and
 * the constructor session. Every method is total: an update without the part gives empty, and an
 * empty text or payload counts as absent, so {@code Updates.text(u).isEmpty()} exactly when
 * {@link Context#text()} is {@code ""} (the same for payloads and start payloads).
 */
public final class Updates {
  private Updates() {}

  /** Returns the id of the user who caused the update (sender, button presser, remover...). */
  public static Optional<Long> userId(Update update) {
    return update.userId();
  }

  /** Returns the chat the update happened in, when it has one. */
  public static Optional<Long> chatId(Update update) {
    return update.chatId();
  }

  /** Returns the message the update is about (new, edited, or carrying the pressed button). */
  public static Optional<Message> message(Update update) {
    if (update instanceof MessageCreatedUpdate created) {
      return Optional.ofNullable(created.message());
    }
    if (update instanceof MessageEditedUpdate edited) {
      return Optional.ofNullable(edited.message());
    }
    if (update instanceof MessageCallbackUpdate callback) {
      return Optional.ofNullable(callback.message());
    }
    return Optional.empty();
  }

  /**
   * Returns the text the user sent: of a new or edited message, or of the first message typed in
   * a constructor session; empty for other updates and messages without text.
   */
  public static Optional<String> text(Update update) {
    if (update instanceof MessageCallbackUpdate) {
      return Optional.empty();
    }
    if (update instanceof MessageConstructionRequest request) {
      return present(firstConstructed(request).map(ConstructedMessageBody::text));
    }
    return present(message(update).flatMap(message -> Optional.ofNullable(message.body()))
        .map(body -> body.text()));
  }

  /** Returns the attachments of the message the user sent (see {@link #text}). */
  public static List<Attachment> attachments(Update update) {
    if (update instanceof MessageCreatedUpdate || update instanceof MessageEditedUpdate) {
      return message(update).flatMap(message -> Optional.ofNullable(message.body()))
          .map(body -> body.attachments()).orElse(List.of());
    }
    return List.of();
  }

  /** Returns the payload of the pressed button: message callback or constructor callback. */
  public static Optional<String> callbackPayload(Update update) {
    if (update instanceof MessageCallbackUpdate callback) {
      return present(Optional.ofNullable(callback.callback().payload()));
    }
    if (update instanceof MessageConstructionRequest request
        && request.input() instanceof CallbackConstructorInput input) {
      return present(Optional.ofNullable(input.payload()));
    }
    return Optional.empty();
  }

  /** Returns the deep-link payload of {@code bot_started} or the start payload of a chat button. */
  public static Optional<String> startPayload(Update update) {
    if (update instanceof BotStartedUpdate started) {
      return present(Optional.ofNullable(started.payload()));
    }
    if (update instanceof MessageChatCreatedUpdate created) {
      return present(Optional.ofNullable(created.startPayload()));
    }
    return Optional.empty();
  }

  /** Returns the constructor session id of constructor updates. */
  public static Optional<String> constructorSessionId(Update update) {
    if (update instanceof MessageConstructionRequest request) {
      return Optional.of(request.sessionId());
    }
    if (update instanceof MessageConstructedUpdate constructed) {
      return Optional.of(constructed.sessionId());
    }
    return Optional.empty();
  }

  /** Returns the callback id to answer, for {@code message_callback} updates. */
  public static Optional<String> callbackId(Update update) {
    if (update instanceof MessageCallbackUpdate callback) {
      return Optional.of(callback.callback().callbackId());
    }
    return Optional.empty();
  }

  /** Empty for a null or empty string: the one rule for empty versus absent. */
  private static Optional<String> present(Optional<String> value) {
    return value.filter(text -> !text.isEmpty());
  }

  private static Optional<ConstructedMessageBody> firstConstructed(MessageConstructionRequest request) {
    if (request.input() instanceof MessageConstructorInput input && !input.messages().isEmpty()) {
      return Optional.of(input.messages().get(0));
    }
    return Optional.empty();
  }
}
