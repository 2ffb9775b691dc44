package io.ttscenes.testkit.kit;

import io.ttscenes.testkit.BotMessage;
import java.util.List;
import java.util.Objects;

/**
 * Finds what a scripted user wrote in a chat, newest first, so the kit can edit or delete it by its
 * text; fails with an {@link AssertionError} listing what they did write there.
 */
final class OwnMessages {
  private OwnMessages() {}

  /**
   * The newest message in {@code messages} written by {@code userId} (in a channel: a post, which
   * has no sender) that reads exactly {@code text}, or their newest at all when {@code text} is null.
   */
  static BotMessage find(List<BotMessage> messages, long userId, boolean channel, String text,
      String failure) {
    List<BotMessage> own = messages.stream().filter(m -> wrote(m, userId, channel)).toList();
    for (int i = own.size() - 1; i >= 0; i--) {
      if (text == null || own.get(i).text().equals(text)) {
        return own.get(i);
      }
    }
    List<String> texts = own.stream().map(m -> "\"" + m.text() + "\"").toList();
    throw new AssertionError(failure + (own.isEmpty() ? ": they have written nothing there"
        : ": what they wrote there reads " + texts));
  }

  private static boolean wrote(BotMessage message, long userId, boolean channel) {
    var sender = message.json().get("sender");
    if (sender == null || sender.isNull()) {
      return channel;
    }
    return !sender.path("is_bot").asBoolean() && sender.path("user_id").asLong() == userId;
  }

  static String quoted(String text) {
    return "\"" + Objects.requireNonNull(text, "text") + "\"";
  }
}
