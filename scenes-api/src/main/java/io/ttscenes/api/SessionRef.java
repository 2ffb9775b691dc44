package io.ttscenes.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * Names one session of a bot: a user, a chat, a user in a chat, a constructor session, a named
 * session the bot chooses ({@code ticket:42}, {@code poll:<mid>}), or a key of a custom
 * {@link SessionKeyStrategy}. Its {@link #key()} is the stored session key; as JSON it is that key,
 * so payloads may carry references.
 */
public sealed interface SessionRef {

  /** The longest name of a named session, in characters. */
  int MAX_NAME_LENGTH = 128;

  /** Returns the session key the store and the lanes use. */
  @JsonValue
  String key();

  /** The session of user {@code userId} across chats (strategy {@link SessionKeys#USER}). */
  static SessionRef user(long userId) {
    return new User(userId);
  }

  /** The session of chat {@code chatId} (strategy {@link SessionKeys#CHAT}). */
  static SessionRef chat(long chatId) {
    return new Chat(chatId);
  }

  /** The session of a user in one chat (strategy {@link SessionKeys#USER_IN_CHAT}, the default). */
  static SessionRef userInChat(long userId, long chatId) {
    return new UserInChat(userId, chatId);
  }

  /** The session of a constructor session (strategy {@link SessionKeys#CONSTRUCTOR_SESSION}). */
  static SessionRef constructor(String sessionId) {
    return new Constructor(sessionId);
  }

  /**
   * A session named by the bot, such as {@code ticket:42}: 1 to {@link #MAX_NAME_LENGTH}
   * characters without control characters; throws {@link IllegalArgumentException} otherwise.
   */
  static SessionRef named(String name) {
    return new Named(name);
  }

  /** Reads a session key back into its reference; a key no built-in form matches is {@link Custom}. */
  @JsonCreator
  static SessionRef parse(String key) {
    return SessionRefs.parse(key);
  }

  /** A user's session across chats: key {@code u:<id>}. */
  record User(long userId) implements SessionRef {
    @Override
    public String key() {
      return "u:" + userId;
    }
  }

  /** A chat's session: key {@code c:<id>}. */
  record Chat(long chatId) implements SessionRef {
    @Override
    public String key() {
      return "c:" + chatId;
    }
  }

  /** A user's session in one chat: key {@code u:<user>:c:<chat>}. */
  record UserInChat(long userId, long chatId) implements SessionRef {
    @Override
    public String key() {
      return "u:" + userId + ":c:" + chatId;
    }
  }

  /** A constructor session: key {@code cs:<session id>}. */
  record Constructor(String sessionId) implements SessionRef {
    public Constructor {
      Objects.requireNonNull(sessionId, "sessionId");
      if (sessionId.isEmpty()) {
        throw new IllegalArgumentException("constructor session id is empty");
      }
    }

    @Override
    public String key() {
      return "cs:" + sessionId;
    }
  }

  /** A session named by the bot: key {@code n:<name>}, apart from every user and chat key. */
  record Named(String name) implements SessionRef {
    public Named {
      SessionRefs.checkText("session name", name);
    }

    @Override
    public String key() {
      return "n:" + name;
    }
  }

  /** A key of a custom session key strategy, or {@link SessionKeys#SHARED}, kept as it is. */
  record Custom(String key) implements SessionRef {
    public Custom {
      Objects.requireNonNull(key, "key");
      if (key.isEmpty()) {
        throw new IllegalArgumentException("session key is empty");
      }
    }
  }
}
