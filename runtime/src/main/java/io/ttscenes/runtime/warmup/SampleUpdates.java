package io.ttscenes.runtime.warmup;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;
import java.util.Locale;

/**
 * Synthetic long-poll updates in the wire shape of the TamTam schema, written by the runtime
 * itself for the warm-up: the four kinds a conversation is made of (the bot started, a button
 * pressed, a text, a command) and, for the JSON reader only, the other kinds a page can hold.
 * Users and chats are negative ids no real account has, so a rehearsal cannot be mistaken for one.
 */
final class SampleUpdates {
  /** The first rehearsal user's id; user {@code n} is this minus {@code n}. */
  static final long FIRST_USER = -1_000_000_001L;

  private SampleUpdates() {}

  /** The rehearsal user number {@code n}'s id (also its dialog's chat id). */
  static long user(int n) {
    return FIRST_USER - n;
  }

  /** {@code bot_started} by {@code user} with a start payload. */
  static String botStarted(long user, long time) {
    return String.format(Locale.ROOT, """
        {"update_type":"bot_started","timestamp":%d,"chat_id":%d,"user_locale":"en","payload":"warm-up",\
        "user":%s}""", time, user, user(user, time));
  }

  /**
   * {@code message_callback}: {@code user} pressed the button with {@code payload} under message
   * {@code mid}; {@code seq} makes its callback id unique.
   */
  static String callback(long user, long time, String payload, String mid, long seq) {
    return String.format(Locale.ROOT, """
        {"update_type":"message_callback","timestamp":%d,"user_locale":"en",\
        "callback":{"timestamp":%d,"callback_id":"warm-up.%d.%d","payload":%s,"user":%s},\
        "message":{"recipient":{"chat_id":%d,"chat_type":"dialog","user_id":%d},"timestamp":%d,\
        "body":{"mid":%s,"seq":1,"text":"warm-up"},"sender":{"user_id":1,"name":"bot","is_bot":true}}}""",
        time, time, user, seq, quote(payload), user(user, time), user, user, time, quote(mid));
  }

  /**
   * {@code message_created}: {@code user} wrote {@code text} to the bot in their dialog; {@code seq}
   * tells apart messages of one millisecond (their ids are the dedupe ids).
   */
  static String message(long user, long time, String text, long seq) {
    return String.format(Locale.ROOT, """
        {"update_type":"message_created","timestamp":%d,"user_locale":"en",\
        "message":{"recipient":{"chat_id":%d,"chat_type":"dialog","user_id":%d},"timestamp":%d,\
        "body":{"mid":"mid.warm-up.%d.%d","seq":%d,"text":%s},"sender":%s}}""",
        time, user, user, time, user, seq, seq, quote(text), user(user, time));
  }

  /** Updates of the kinds a conversation does not use, for the reader alone. */
  static List<String> otherKinds(long user, long time) {
    String who = user(user, time);
    String chat = String.format(Locale.ROOT, "\"chat_id\":%d,\"timestamp\":%d", user - 1, time);
    return List.of(
        String.format(Locale.ROOT, "{\"update_type\":\"message_edited\",\"timestamp\":%d,\"message\":"
            + "{\"recipient\":{\"chat_id\":%d,\"chat_type\":\"dialog\"},\"timestamp\":%d,\"body\":{\"mid\":"
            + "\"mid.warm-up.e\",\"seq\":2,\"text\":\"edited\"},\"sender\":%s}}", time, user, time, who),
        String.format(Locale.ROOT, "{\"update_type\":\"message_removed\",\"timestamp\":%d,\"message_id\":"
            + "\"mid.warm-up.r\",\"chat_id\":%d,\"user_id\":%d}", time, user, user),
        "{\"update_type\":\"bot_added\"," + chat + ",\"user\":" + who + ",\"is_channel\":false}",
        "{\"update_type\":\"user_added\"," + chat + ",\"user\":" + who + ",\"inviter_id\":" + user + "}",
        "{\"update_type\":\"chat_title_changed\"," + chat + ",\"user\":" + who + ",\"title\":\"warm-up\"}",
        "{\"update_type\":\"bot_removed\"," + chat + ",\"user\":" + who + "}");
  }

  /** A long-poll page of {@code updates} with {@code marker}. */
  static String page(List<String> updates, long marker) {
    return "{\"updates\":[" + String.join(",", updates) + "],\"marker\":" + marker + "}";
  }

  private static String user(long user, long time) {
    return String.format(Locale.ROOT, "{\"user_id\":%d,\"first_name\":\"Warm\",\"last_name\":\"Up\","
        + "\"name\":\"Warm Up\",\"is_bot\":false,\"last_activity_time\":%d}", user, time);
  }

  private static String quote(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }
}
