package io.ttscenes.runtime.engine;

import io.ttscenes.api.Bot;
import io.ttscenes.api.store.ChatDataWrite;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoredChatData;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat data one handler run sees: read from the store on first use (so runs that never ask
 * cost nothing), changed in memory, and written by the run's commit, compared against the
 * version read. A fresh one per run, so a re-run after a conflict reads the winner's data.
 * Stored data that can be neither read nor migrated starts over from the bot's factory, with a
 * {@link #reset()} event for the run. Confined to the lane thread.
 */
final class ChatShare {
  /** The scene label of a chat data reset on the session reset meter; {@code @} keeps it apart from scene ids. */
  static final String RESET_LABEL = "@chat_data";
  private static final Logger LOG = LoggerFactory.getLogger(ChatShare.class);

  private final Bot bot;
  private final SessionStore store;
  private final ChatDataCodec codec;
  private final Optional<String> chatKey;
  private boolean read;
  private long version;
  private Object value;
  private boolean changed;
  private FlowEvent.SessionReset reset;

  ChatShare(Bot bot, SessionStore store, ChatDataCodec codec, Optional<String> chatKey) {
    this.bot = bot;
    this.store = store;
    this.codec = codec;
    this.chatKey = chatKey;
  }

  /** The reset this run's read of the chat data met, if the stored data could not be read. */
  Optional<FlowEvent.SessionReset> reset() {
    return Optional.ofNullable(reset);
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
    return Optional.of(new ChatDataWrite(chatKey.orElseThrow(), version, codec.encode(value), ttl));
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
    value = stored.map(s -> decode(s.data())).orElseGet(() -> bot.newChatData().orElseThrow());
    read = true;
    return value;
  }

  /**
   * The stored data read at this deploy's version, or fresh data when it cannot be: logged by
   * reason, versions and field names, without the chat or any value. The stored version is kept,
   * so a run that writes chat data replaces the unreadable data under the usual version check,
   * and a run that only reads leaves it for the deploy that can read it.
   */
  private Object decode(String json) {
    try {
      return codec.decode(json, declared());
    } catch (VersionedData.Unreadable e) {
      LOG.warn("stored chat data cannot be read ({}): it {}; this run's chat data starts over from the bot's factory",
          e.reason().tag(), e.getMessage());
      reset = new FlowEvent.SessionReset(RESET_LABEL, e.reason().tag());
      return bot.newChatData().orElseThrow();
    }
  }
}
