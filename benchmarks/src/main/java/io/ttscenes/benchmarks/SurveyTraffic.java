package io.ttscenes.benchmarks;

import io.ttscenes.api.model.Callback;
import io.ttscenes.api.model.ChatType;
import io.ttscenes.api.model.BotStartedUpdate;
import io.ttscenes.api.model.Message;
import io.ttscenes.api.model.MessageBody;
import io.ttscenes.api.model.MessageCallbackUpdate;
import io.ttscenes.api.model.MessageCreatedUpdate;
import io.ttscenes.api.model.Recipient;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.model.User;
import java.util.List;

/**
 * The survey's four updates as model objects, for microbenchmarks that skip the JSON. Every call
 * uses a fresh {@code round}, so message ids, callback ids and timestamps never repeat and no
 * update is taken for a duplicate. Stateless.
 */
final class SurveyTraffic {
  private static final User BOT = new User(1, "survey", "survey_bot", true, 0);

  private SurveyTraffic() {}

  /** Returns user {@code u}'s four survey updates for round {@code round}, in order. */
  static List<Update> survey(int u, long round) {
    long id = SurveyUpdates.MEASURED.idOf(u);
    User user = new User(id, "User " + u, null, false, 0);
    Recipient dialog = new Recipient(id, ChatType.DIALOG, id);
    long ts = round * 4;
    Message q1 = new Message(BOT, dialog, ts, null,
        new MessageBody("mid.b." + round, 1, "Q1", null, null), null, null, null);
    return List.of(
        new BotStartedUpdate(ts, id, user, "promo42", "en"),
        new MessageCallbackUpdate(ts + 1, new Callback(ts + 1, "cb." + round, "q1:yes", user), q1, "en"),
        new MessageCreatedUpdate(ts + 2, text(user, dialog, "my answer", "mid.u." + round + ".2", ts + 2), "en"),
        new MessageCreatedUpdate(ts + 3, text(user, dialog, "/status", "mid.u." + round + ".3", ts + 3), "en"));
  }

  private static Message text(User user, Recipient dialog, String text, String mid, long ts) {
    return new Message(user, dialog, ts, null, new MessageBody(mid, 2, text, null, null), null, null, null);
  }
}
