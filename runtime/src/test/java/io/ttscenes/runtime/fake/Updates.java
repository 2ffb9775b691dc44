package io.ttscenes.runtime.fake;

import java.util.concurrent.atomic.AtomicLong;

/** Wire JSON of the updates a user produces in a dialog with the bot (chat id = user id). */
public final class Updates {
  private static final AtomicLong CLOCK = new AtomicLong(1_775_000_000_000L);

  private Updates() {}

  /** A {@code message_created} with {@code text} from {@code userId}; the mid is unique. */
  public static String message(long userId, String text) {
    long ts = CLOCK.incrementAndGet();
    return "{\"update_type\":\"message_created\",\"timestamp\":" + ts + ",\"message\":{"
        + "\"sender\":" + user(userId) + ",\"recipient\":{\"chat_id\":" + userId
        + ",\"chat_type\":\"dialog\",\"user_id\":" + userId + "},\"timestamp\":" + ts
        + ",\"body\":{\"mid\":\"mid." + userId + "." + ts + "\",\"seq\":" + ts + ",\"text\":\""
        + text + "\"}},\"user_locale\":\"en\"}";
  }

  /** A {@code bot_started} with deep-link {@code payload} from {@code userId}. */
  public static String botStarted(long userId, String payload) {
    return "{\"update_type\":\"bot_started\",\"timestamp\":" + CLOCK.incrementAndGet() + ",\"chat_id\":"
        + userId + ",\"user\":" + user(userId) + ",\"payload\":\"" + payload
        + "\",\"user_locale\":\"en\"}";
  }

  /** A {@code message_callback} with {@code payload} pressed by {@code userId} under a bot message. */
  public static String callback(long userId, String payload) {
    long ts = CLOCK.incrementAndGet();
    return "{\"update_type\":\"message_callback\",\"timestamp\":" + ts + ",\"callback\":{"
        + "\"timestamp\":" + ts + ",\"callback_id\":\"cb." + userId + "." + ts + "\",\"payload\":\""
        + payload + "\",\"user\":" + user(userId) + "},\"message\":{\"recipient\":{\"chat_id\":"
        + userId + ",\"chat_type\":\"dialog\",\"user_id\":" + userId + "},\"timestamp\":" + ts
        + ",\"body\":{\"mid\":\"mid.bot." + ts + "\",\"seq\":1,\"text\":\"Q1\"}},\"user_locale\":\"en\"}";
  }

  private static String user(long userId) {
    return "{\"user_id\":" + userId + ",\"first_name\":\"User" + userId + "\",\"is_bot\":false,"
        + "\"last_activity_time\":0,\"name\":\"User " + userId + "\"}";
  }
}
