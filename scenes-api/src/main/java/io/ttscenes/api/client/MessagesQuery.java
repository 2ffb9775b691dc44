package io.ttscenes.api.client;

import java.util.List;

/**
 * Parameters of {@link BotApi#getMessages}: messages of a chat ({@code chatId}) or given ones
 * ({@code messageIds}), optionally between times {@code from} and {@code to} (epoch millis; the
 * API walks backwards, so {@code to < from}), at most {@code count} (1..100). Null components are
 * not sent.
 */
public record MessagesQuery(Long chatId, List<String> messageIds, Long from, Long to, int count) {
  /**
   * Validates the query.
   *
   * @throws IllegalArgumentException if count is out of range or neither chat nor ids are given
   */
  public MessagesQuery {
    messageIds = messageIds == null ? List.of() : List.copyOf(messageIds);
    ApiLimits.checkPageCount("getMessages", count);
    if (chatId == null && messageIds.isEmpty()) {
      throw new IllegalArgumentException("getMessages needs a chat id or message ids");
    }
  }

  /** The latest 50 messages of a chat. */
  public static MessagesQuery inChat(long chatId) {
    return new MessagesQuery(chatId, List.of(), null, null, 50);
  }

  /** The messages with the given ids. */
  public static MessagesQuery byIds(List<String> messageIds) {
    return new MessagesQuery(null, messageIds, null, null, 50);
  }

  /** This query starting at {@code fromMillis} (the newest time). */
  public MessagesQuery from(long fromMillis) {
    return new MessagesQuery(chatId, messageIds, fromMillis, to, count);
  }

  /** This query ending at {@code toMillis} (the oldest time). */
  public MessagesQuery to(long toMillis) {
    return new MessagesQuery(chatId, messageIds, from, toMillis, count);
  }

  /** This query with another page size. */
  public MessagesQuery count(int maxMessages) {
    return new MessagesQuery(chatId, messageIds, from, to, maxMessages);
  }
}
