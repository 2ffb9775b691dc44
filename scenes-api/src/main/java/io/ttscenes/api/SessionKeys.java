package io.ttscenes.api;

import io.ttscenes.api.model.Update;
import java.util.Optional;

/**
 * The built-in session key strategies. Keys look like {@code u:42:c:7} (user 42 in chat 7),
 * {@code c:7}, {@code u:42} or {@code cs:<constructor session>}; an update that names neither a
 * user nor a chat (nor a constructor session) goes to the shared key {@code shared}.
 */
public enum SessionKeys implements SessionKeyStrategy {
  /** One session per user per chat (the default): a user's dialog and group chats are separate. */
  USER_IN_CHAT {
    @Override
    public String keyOf(Update update) {
      Optional<Long> user = Updates.userId(update);
      Optional<Long> chat = Updates.chatId(update);
      if (user.isPresent() && chat.isPresent()) {
        return "u:" + user.get() + ":c:" + chat.get();
      }
      return USER.keyOf(update);
    }
  },
  /** One session per chat, shared by everyone in it. */
  CHAT {
    @Override
    public String keyOf(Update update) {
      return Updates.chatId(update).map(id -> "c:" + id)
          .orElseGet(() -> USER.keyOf(update));
    }
  },
  /** One session per user, across all chats. */
  USER {
    @Override
    public String keyOf(Update update) {
      return Updates.userId(update).map(id -> "u:" + id)
          .orElseGet(() -> Updates.chatId(update).map(id -> "c:" + id).orElse(SHARED));
    }
  },
  /**
   * One session per constructor session for constructor updates; other updates fall back to
   * {@link #USER_IN_CHAT}.
   */
  CONSTRUCTOR_SESSION {
    @Override
    public String keyOf(Update update) {
      return Updates.constructorSessionId(update).map(id -> "cs:" + id)
          .orElseGet(() -> USER_IN_CHAT.keyOf(update));
    }
  };

  /** The key of updates that name no user, chat or constructor session. */
  public static final String SHARED = "shared";
}
