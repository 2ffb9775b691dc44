package io.ttscenes.benchmarks;

/**
 * The four updates a user produces in the survey, as the Bot API's JSON, for one population of
 * users: user {@code u} of a population talks in a dialog whose {@code chat_id} and
 * {@code user_id} are both {@code idBase + u}. {@link #MEASURED} is WORKLOAD.md's (base
 * 1000000); {@link #WARM_UP} has its own ids and message ids (base 2000000), so a warm-up user
 * never shares a session or a dedupe id with a measured one. Immutable.
 */
final class SurveyUpdates {
  static final int PER_USER = 4;
  /** The most users one population holds: the id ranges of the populations never overlap. */
  static final int MAX_USERS = 1_000_000;
  static final SurveyUpdates MEASURED = new SurveyUpdates(1_000_000L, "");
  static final SurveyUpdates WARM_UP = new SurveyUpdates(2_000_000L, "w");

  private final long idBase;
  private final String tag;

  private SurveyUpdates(long idBase, String tag) {
    this.idBase = idBase;
    this.tag = tag;
  }

  /** Returns the JSON of update {@code step} (0-3) of user {@code u}; {@code q1Mid} for step 1. */
  String of(int u, int step, String q1Mid, long nowMillis) {
    return switch (step) {
      case 0 -> botStarted(u, nowMillis);
      case 1 -> callback(u, q1Mid, nowMillis);
      case 2 -> text(u, "my answer", 2, nowMillis);
      case 3 -> text(u, "/status", 3, nowMillis);
      default -> throw new IllegalArgumentException("step is " + step + "; a user has steps 0-3");
    };
  }

  /** Returns the chat and user id of user {@code u}. */
  long idOf(int u) {
    return idBase + u;
  }

  /** Returns the user number of chat {@code id}, or -1 when the id is not of this population. */
  int userOf(long id) {
    long u = id - idBase;
    return u >= 0 && u < MAX_USERS ? (int) u : -1;
  }

  private String user(int u) {
    return "{\"user_id\":" + idOf(u) + ",\"name\":\"User " + u + "\",\"username\":null,"
        + "\"is_bot\":false,\"last_activity_time\":0}";
  }

  private String botStarted(int u, long now) {
    return "{\"update_type\":\"bot_started\",\"timestamp\":" + now + ",\"chat_id\":" + idOf(u)
        + ",\"user\":" + user(u) + ",\"payload\":\"promo42\",\"user_locale\":\"en\"}";
  }

  private String callback(int u, String q1Mid, long now) {
    String message = "{\"sender\":{\"user_id\":1,\"name\":\"survey\",\"username\":\"survey_bot\","
        + "\"is_bot\":true,\"last_activity_time\":0},\"recipient\":{\"chat_id\":" + idOf(u)
        + ",\"chat_type\":\"dialog\",\"user_id\":" + idOf(u) + "},\"timestamp\":" + now
        + ",\"body\":{\"mid\":\"" + q1Mid + "\",\"seq\":1,\"text\":\"Q1\"}}";
    return "{\"update_type\":\"message_callback\",\"timestamp\":" + now + ",\"callback\":{"
        + "\"timestamp\":" + now + ",\"callback_id\":\"cb" + tag + "." + u + "\",\"payload\":\"q1:yes\","
        + "\"user\":" + user(u) + "},\"message\":" + message + ",\"user_locale\":\"en\"}";
  }

  private String text(int u, String text, int step, long now) {
    return "{\"update_type\":\"message_created\",\"timestamp\":" + now + ",\"message\":{"
        + "\"sender\":" + user(u) + ",\"recipient\":{\"chat_id\":" + idOf(u)
        + ",\"chat_type\":\"dialog\",\"user_id\":" + idOf(u) + "},\"timestamp\":" + now
        + ",\"body\":{\"mid\":\"mid.u" + tag + "." + u + "." + step + "\",\"seq\":" + step + ",\"text\":\""
        + text + "\"}},\"user_locale\":\"en\"}";
  }
}
