package io.ttscenes.runtime.engine;

import io.ttscenes.api.SessionKeyStrategy;
import io.ttscenes.api.Updates;
import io.ttscenes.api.model.Message;
import io.ttscenes.api.model.MessageCreatedUpdate;
import io.ttscenes.api.model.MessageEditedUpdate;
import io.ttscenes.api.model.Update;
import java.util.Optional;

/**
 * Gives an update its session key and its dedupe id. TamTam updates carry no id of their own, so
 * the id is built from what identifies the event: the message id of a new message, the message id
 * plus edit time of an edit (one message can be edited many times), the callback id of a button
 * press, the constructor session plus time of constructor updates, and type, chat, user and time
 * for everything else, unknown types included.
 */
final class Router {
  private final SessionKeyStrategy keys;

  Router(SessionKeyStrategy keys) {
    this.keys = keys;
  }

  Routed route(Update update) {
    return new Routed(update, keys.keyOf(update), dedupeId(update));
  }

  static String dedupeId(Update update) {
    Optional<String> callbackId = Updates.callbackId(update);
    if (callbackId.isPresent()) {
      return "cb:" + callbackId.get();
    }
    if (update instanceof MessageCreatedUpdate created) {
      Optional<String> mid = mid(created.message());
      if (mid.isPresent()) {
        return "mid:" + mid.get();
      }
    }
    if (update instanceof MessageEditedUpdate edited) {
      Optional<String> mid = mid(edited.message());
      if (mid.isPresent()) {
        return "edit:" + mid.get() + ":" + update.timestamp();
      }
    }
    Optional<String> session = Updates.constructorSessionId(update);
    if (session.isPresent()) {
      return "cs:" + session.get() + ":" + update.updateType() + ":" + update.timestamp();
    }
    return update.updateType() + ":" + Updates.chatId(update).map(String::valueOf).orElse("-")
        + ":" + Updates.userId(update).map(String::valueOf).orElse("-") + ":" + update.timestamp();
  }

  private static Optional<String> mid(Message message) {
    return Optional.ofNullable(message).flatMap(m -> Optional.ofNullable(m.body()))
        .flatMap(body -> Optional.ofNullable(body.mid()));
  }
}
