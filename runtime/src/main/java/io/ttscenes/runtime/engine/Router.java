package io.ttscenes.runtime.engine;

import io.ttscenes.api.SessionKeyStrategy;
import io.ttscenes.api.Updates;
import io.ttscenes.api.model.BotStartedUpdate;
import io.ttscenes.api.model.CallbackConstructorInput;
import io.ttscenes.api.model.ChatTitleChangedUpdate;
import io.ttscenes.api.model.Message;
import io.ttscenes.api.model.MessageBody;
import io.ttscenes.api.model.MessageConstructedUpdate;
import io.ttscenes.api.model.MessageConstructionRequest;
import io.ttscenes.api.model.MessageConstructorInput;
import io.ttscenes.api.model.MessageCreatedUpdate;
import io.ttscenes.api.model.MessageEditedUpdate;
import io.ttscenes.api.model.MessageRemovedUpdate;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.store.ChatKeys;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Gives an update its session key and its dedupe id. TamTam updates carry no id of their own, so
 * the id is built from what identifies the event: the message id of a new or removed message, the
 * message id plus edit time of an edit (one message can be edited many times), the callback id of
 * a button press, the constructor session plus time of constructor updates, and type, chat, user
 * and time for everything else, unknown types included. The user is the one the event is about
 * (the added or removed member, not the admin), and a title change adds the new title and a start
 * its payload, so two different events in one millisecond never share an id.
 */
final class Router {
  private final SessionKeyStrategy keys;
  private final boolean chatScoped;

  Router(SessionKeyStrategy keys) {
    this(keys, false);
  }

  /**
   * With {@code chatScoped} (a bot with chat data), a user-in-chat key {@code u:<user>:c:<chat>}
   * becomes {@code c:<chat>/u:<user>}, which the store keeps beside the chat's data.
   */
  Router(SessionKeyStrategy keys, boolean chatScoped) {
    this.keys = keys;
    this.chatScoped = chatScoped;
  }

  /** {@code key} as a bot with chat data ({@code chatScoped}) keeps it; unchanged otherwise. */
  static String stored(String key, boolean chatScoped) {
    return chatScoped ? ChatKeys.scoped(key).orElse(key) : key;
  }

  /**
   * The update with its session key and dedupe id; throws {@link IllegalArgumentException} when
   * the strategy gives no key, here rather than at the store, which would reject it less clearly.
   */
  Routed route(Update update) {
    String key = keys.keyOf(update);
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("session key strategy " + keys.getClass().getName() + " gave "
          + (key == null ? "null" : "an empty key") + " for a " + update.updateType()
          + " update; a session key must have at least 1 character");
    }
    return new Routed(update, stored(key, chatScoped), dedupeId(update));
  }

  static DedupeId dedupeId(Update update) {
    Optional<String> callbackId = Updates.callbackId(update);
    if (callbackId.isPresent()) {
      return DedupeId.callback(callbackId.get());
    }
    if (update instanceof MessageCreatedUpdate created) {
      Optional<String> mid = mid(created.message());
      if (mid.isPresent()) {
        return DedupeId.message(mid.get());
      }
    }
    if (update instanceof MessageEditedUpdate edited) {
      Optional<String> mid = mid(edited.message());
      if (mid.isPresent()) {
        return DedupeId.edit(mid.get(), update.timestamp());
      }
    }
    if (update instanceof MessageRemovedUpdate removed && present(removed.messageId())) {
      // A message is removed once; several removed in one millisecond differ only by this id.
      return DedupeId.removed(removed.messageId());
    }
    Optional<String> session = Updates.constructorSessionId(update);
    if (session.isPresent()) {
      // Two inputs of one constructor session can share a millisecond (a fast typist, or the
      // several messages of one finish); what was typed, pressed or posted tells them apart.
      return new DedupeId("cs", session.get() + ":" + update.updateType() + ":" + update.timestamp() + ":"
          + Integer.toHexString(constructorContent(update).hashCode()));
    }
    return new DedupeId(update.updateType(), Updates.chatId(update).map(String::valueOf).orElse("-")
        + ":" + Updates.userId(update).map(String::valueOf).orElse("-") + ":" + update.timestamp()
        + detail(update));
  }

  /** What tells apart two events of one type, chat, user and millisecond, after a colon. */
  private static String detail(Update update) {
    if (update instanceof ChatTitleChangedUpdate changed && changed.title() != null) {
      return ":" + changed.title();
    }
    if (update instanceof BotStartedUpdate started && present(started.payload())) {
      return ":" + started.payload();
    }
    return "";
  }

  private static boolean present(String value) {
    return value != null && !value.isEmpty();
  }

  /** A stable text of a constructor update's content (String hashes are the same in every JVM). */
  private static String constructorContent(Update update) {
    if (update instanceof MessageConstructionRequest request) {
      if (request.input() instanceof CallbackConstructorInput pressed) {
        return "press:" + pressed.payload();
      }
      if (request.input() instanceof MessageConstructorInput typed) {
        return typed.messages().stream()
            .map(body -> body.text() + "#" + body.attachments().size())
            .collect(Collectors.joining("\n", "typed:", ""));
      }
    }
    if (update instanceof MessageConstructedUpdate constructed && constructed.message() != null
        && constructed.message().body() != null) {
      MessageBody body = constructed.message().body();
      return "posted:" + (body.mid() != null ? body.mid() : body.text());
    }
    return "";
  }

  private static Optional<String> mid(Message message) {
    return Optional.ofNullable(message).flatMap(m -> Optional.ofNullable(m.body()))
        .flatMap(body -> Optional.ofNullable(body.mid()));
  }
}
