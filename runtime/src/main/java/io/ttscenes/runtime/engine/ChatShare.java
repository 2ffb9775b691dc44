package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.api.Bot;
import io.ttscenes.api.store.ChatDataWrite;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoredChatData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The chat data one handler run sees: read from the store on first use (so runs that never ask
 * cost nothing), changed in memory, and written by the run's commit, compared against the
 * version read. A fresh one per run, so a re-run after a conflict reads the winner's data.
 * Confined to the lane thread.
 */
final class ChatShare {
  private final Bot bot;
  private final SessionStore store;
  private final ObjectMapper mapper;
  private final Optional<String> chatKey;
  private boolean read;
  private long version;
  private Object value;
  private boolean changed;

  ChatShare(Bot bot, SessionStore store, ObjectMapper mapper, Optional<String> chatKey) {
    this.bot = bot;
    this.store = store;
    this.mapper = mapper;
    this.chatKey = chatKey;
  }

  /** The chat's data as {@code type}; {@code where} names the session for the error without a chat. */
  <C> C get(Class<C> type, String where) {
    Class<?> declared = declared();
    if (!type.equals(declared)) {
      throw new IllegalArgumentException("chat data is declared as " + declared.getName() + ", not "
          + type.getName());
    }
    return type.cast(current(where));
  }

  void set(Object data, String where) {
    Class<?> declared = declared();
    if (data == null || !declared.isInstance(data)) {
      throw new IllegalArgumentException("chat data must be a " + declared.getName() + ", not "
          + (data == null ? "null" : data.getClass().getName()));
    }
    current(where);
    value = data;
    changed = true;
  }

  /**
   * The write for the run's commit when the run changed the data; throws
   * {@link UnwritableStateException} when it cannot be written as JSON.
   */
  Optional<ChatDataWrite> write(Duration ttl) {
    if (!changed) {
      return Optional.empty();
    }
    try {
      String json = new String(mapper.writeValueAsBytes(value), StandardCharsets.UTF_8);
      return Optional.of(new ChatDataWrite(chatKey.orElseThrow(), version, json, ttl));
    } catch (JsonProcessingException e) {
      throw new UnwritableStateException("could not write chat data as JSON: " + e.getMessage(), e);
    }
  }

  private Class<?> declared() {
    return bot.chatDataType().orElseThrow(() -> new IllegalStateException("bot '" + bot.name()
        + "' declares no chat data; add Bot.Builder.chatData(type, initial)"));
  }

  private Object current(String where) {
    if (read) {
      return value;
    }
    String chat = chatKey.orElseThrow(() -> new IllegalStateException("session '" + where
        + "' belongs to no group chat, so it has no chat data"));
    Optional<StoredChatData> stored = store.loadChatData(chat);
    version = stored.map(StoredChatData::version).orElse(0L);
    value = stored.map(s -> decode(chat, s.data())).orElseGet(() -> bot.newChatData().orElseThrow());
    read = true;
    return value;
  }

  private Object decode(String chat, String json) {
    try {
      return mapper.readValue(json, declared());
    } catch (IOException e) {
      throw new IllegalStateException("the stored data of chat '" + chat + "' does not read as "
          + declared().getName() + ": " + e.getMessage(), e);
    }
  }
}
