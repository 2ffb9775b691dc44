package io.ttscenes.benchmarks;

/**
 * The four updates user {@code u} produces in the survey, as the Bot API's JSON: {@code chat_id}
 * and {@code user_id} are both {@code 1000000 + u} (a dialog). Stateless.
 */
final class SurveyUpdates {
  static final long ID_BASE = 1_000_000L;
  static final int PER_USER = 4;

  private SurveyUpdates() {}

  /** Returns the JSON of update {@code step} (0-3) of user {@code u}; {@code q1Mid} for step 1. */
  static String of(int u, int step, String q1Mid, long nowMillis) {
    return switch (step) {
      case 0 -> botStarted(u, nowMillis);
      case 1 -> callback(u, q1Mid, nowMillis);
      case 2 -> text(u, "my answer", 2, nowMillis);
      case 3 -> text(u, "/status", 3, nowMillis);
      default -> throw new IllegalArgumentException("step is " + step + "; a user has steps 0-3");
    };
  }

  static long idOf(int u) {
    return ID_BASE + u;
  }

  private static String user(int u) {
    return "{\"user_id\":" + idOf(u) + ",\"name\":\"User " + u + "\",\"username\":null,"
        + "\"is_bot\":false,\"last_activity_time\":0}";
  }

  private static String botStarted(int u, long now) {
    return "{\"update_type\":\"bot_started\",\"timestamp\":" + now + ",\"chat_id\":" + idOf(u)
        + ",\"user\":" + user(u) + ",\"payload\":\"promo42\",\"user_locale\":\"en\"}";
  }

  private static String callback(int u, String q1Mid, long now) {
    String message = "{\"sender\":{\"user_id\":1,\"name\":\"survey\",\"username\":\"survey_bot\","
        + "\"is_bot\":true,\"last_activity_time\":0},\"recipient\":{\"chat_id\":" + idOf(u)
        + ",\"chat_type\":\"dialog\",\"user_id\":" + idOf(u) + "},\"timestamp\":" + now
        + ",\"body\":{\"mid\":\"" + q1Mid + "\",\"seq\":1,\"text\":\"Q1\"}}";
    return "{\"update_type\":\"message_callback\",\"timestamp\":" + now + ",\"callback\":{"
        + "\"timestamp\":" + now + ",\"callback_id\":\"cb." + u + "\",\"payload\":\"q1:yes\","
        + "\"user\":" + user(u) + "},\"message\":" + message + ",\"user_locale\":\"en\"}";
  }

  private static String text(int u, String text, int step, long now) {
    return "{\"update_type\":\"message_created\",\"timestamp\":" + now + ",\"message\":{"
        + "\"sender\":" + user(u) + ",\"recipient\":{\"chat_id\":" + idOf(u)
        + ",\"chat_type\":\"dialog\",\"user_id\":" + idOf(u) + "},\"timestamp\":" + now
        + ",\"body\":{\"mid\":\"mid.u." + u + "." + step + "\",\"seq\":" + step + ",\"text\":\""
        + text + "\"}},\"user_locale\":\"en\"}";
  }
}
