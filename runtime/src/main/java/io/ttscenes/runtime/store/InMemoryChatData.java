package io.ttscenes.runtime.store;

import com.github.benmanes.caffeine.cache.Ticker;
import io.ttscenes.api.store.ChatDataWrite;
import io.ttscenes.api.store.ChatKeys;
import io.ttscenes.api.store.StoredChatData;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The chat data of an in-memory store: per chat key, the version, the JSON and a deadline on the
 * store's ticker. A write compares the version and sets in one atomic step per chat; the store
 * calls it inside its per-session step, so session and chat data change together.
 */
final class InMemoryChatData {
  private record Entry(StoredChatData data, long deadline) {}

  private final ConcurrentMap<String, Entry> chats = new ConcurrentHashMap<>();
  private final Ticker ticker;

  InMemoryChatData(Ticker ticker) {
    this.ticker = ticker;
  }

  Optional<StoredChatData> load(String chatKey) {
    if (!ChatKeys.isChat(chatKey)) {
      throw new IllegalArgumentException("'" + chatKey + "' is not a chat key c:<id>");
    }
    Entry entry = chats.get(chatKey);
    return entry == null || expired(entry) ? Optional.empty() : Optional.of(entry.data());
  }

  /** Writes {@code write} if its expected version is the stored one; returns whether it did. */
  boolean write(ChatDataWrite write) {
    boolean[] written = {false};
    chats.compute(write.chatKey(), (key, current) -> {
      Entry live = current == null || expired(current) ? null : current;
      long version = live == null ? 0 : live.data().version();
      if (version != write.expectedVersion()) {
        return live;
      }
      written[0] = true;
      return new Entry(new StoredChatData(version + 1, write.data()),
          ticker.read() + write.storedTtl().toNanos());
    });
    return written[0];
  }

  private boolean expired(Entry entry) {
    return ticker.read() - entry.deadline() >= 0;
  }
}
