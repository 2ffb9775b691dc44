package io.ttscenes.api.client;

/**
 * Where {@link BotApi#sendMessage} sends: a chat ({@code chatId}) or a user's dialog with the bot
 * ({@code userId}), exactly one of the two non-null, and whether link previews are suppressed.
 */
public record MessageTarget(Long chatId, Long userId, boolean disableLinkPreview) {
  /**
   * Validates that exactly one recipient is set.
   *
   * @throws IllegalArgumentException if both or neither of chatId and userId are given
   */
  public MessageTarget {
    if ((chatId == null) == (userId == null)) {
      throw new IllegalArgumentException(
          "sendMessage needs exactly one of chat id and user id; got " + chatId + " and " + userId);
    }
  }

  /** Send to a chat (group, channel or dialog) by its id. */
  public static MessageTarget chat(long chatId) {
    return new MessageTarget(chatId, null, false);
  }

  /** Send to a user's dialog with the bot. */
  public static MessageTarget user(long userId) {
    return new MessageTarget(null, userId, false);
  }

  /** This target with link previews disabled. */
  public MessageTarget withoutLinkPreview() {
    return new MessageTarget(chatId, userId, true);
  }
}
