package io.ttscenes.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

final class ConversationsTest {
  private final UpdateFeed feed = new UpdateFeed();
  private final Conversations users = new Conversations(2, SurveyUpdates.MEASURED, feed);

  @Test
  void firstUpdatesOfAllUsersAreReleasedTogetherInUserOrder() {
    users.start();

    List<String> first = feed.take(null, 100).updates();

    assertEquals(2, first.size());
    assertTrue(first.get(0).contains("\"bot_started\"") && first.get(0).contains("\"chat_id\":1000000"));
    assertTrue(first.get(1).contains("\"chat_id\":1000001") && first.get(1).contains("promo42"));
  }

  @Test
  void botMessageReleasesTheUsersNextUpdateUnderTheQuestionMessage() {
    users.start();
    long marker = feed.take(null, 100).marker();

    users.message(1, "Q1", "mid.q1");
    List<String> next = feed.take(marker, 100).updates();

    assertEquals(1, next.size());
    assertTrue(next.get(0).contains("\"message_callback\"") && next.get(0).contains("\"mid\":\"mid.q1\""));
    assertTrue(next.get(0).contains("\"payload\":\"q1:yes\"") && next.get(0).contains("\"user_id\":1000001"));
  }

  @Test
  void statusReplyWithoutTheStoredAnswersCountsAsAnError() {
    users.start();
    answerAll(0, "Stored: Q1: yes; Q2: my answer; promo: promo42");
    answerAll(1, "Stored: Q1: yes; Q2: something else; promo: promo42");

    Figures figures = users.figures(0);

    assertEquals(1, figures.errors());
    assertEquals(8, figures.updates());
  }

  @Test
  void usersWhoNeverFinishCountAsErrorsAndExtraMessagesAreCountedApart() {
    users.start();
    answerAll(0, "yes my answer promo42");
    users.message(0, "one more", "mid.x");

    Figures figures = users.figures(0);

    assertEquals(1, figures.errors(), "user 1 never got an answer");
    assertEquals(1, figures.unexpected());
    assertEquals(4, figures.updates());
  }

  @Test
  void steadyArrivalsReleaseOnlyTheUsersDueAndAMessageToOneNotYetArrivedIsUnexpected() {
    Conversations steady = new Conversations(3, SurveyUpdates.MEASURED, feed, new Arrivals(0.001));
    steady.start();

    assertEquals(1, feed.take(null, 100).updates().size());
    steady.message(1, "Q1", "mid.q1");
    assertEquals(1, steady.figures(0).unexpected(), "user 1 is not due for 1000 s");
    assertEquals(0, steady.arrive(System.nanoTime()));
  }

  private void answerAll(int u, String statusReply) {
    users.message(u, "Q1", "mid.q1." + u);
    users.message(u, "Q2", "mid.q2." + u);
    users.message(u, "Thanks", "mid.s." + u);
    users.message(u, statusReply, "mid.st." + u);
  }
}
