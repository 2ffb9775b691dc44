package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ttscenes.testkit.kit.PollBot.Poll;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A group vote kept in a named session, each ballot a signal from the member's own session. */
final class PollKitTest {
  @RegisterExtension
  static final BotTester bot = BotTester.of(PollBot.create());

  @Test
  void threeMembersVoteAndThePollClosesItselfAfterTenMinutes() {
    TestUser ann = bot.user("Ann");
    TestUser ben = bot.user("Ben");
    TestUser cat = bot.user("Cat");
    TestChat team = bot.groupChat("Team", ann, ben, cat);

    team.as(ann).sends("/vote").expectReply("Tea or coffee?").expectKeyboard("Tea", "Coffee");
    team.as(ann).presses("Tea").expectNotification("You voted Tea");
    team.as(ben).presses("Coffee").expectNotification("You voted Coffee");
    team.as(cat).presses("Tea").expectNotification("You voted Tea");
    team.as(ben).sends("/results").expectReply("Tea: 2, Coffee: 1");

    bot.advance(Duration.ofMinutes(10));
    team.expectReply("The vote is closed. Tea: 2, Coffee: 1").expectNoMoreReplies();
    assertFalse(bot.session("poll:" + team.chatId()).scene().isPresent());
  }

  @Test
  void fiftyMembersPressingAtOnceAreAllCounted() throws Exception {
    TestUser owner = bot.user("Owner");
    List<TestUser> voters = IntStream.range(0, 50).mapToObj(i -> bot.user("Voter" + i)).toList();
    TestChat hall = bot.groupChat("Hall", owner, voters.toArray(TestUser[]::new));
    hall.as(owner).sends("/vote").expectReply("Tea or coffee?");

    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> presses = voters.stream().map(v -> pool.submit(() -> {
        go.await();
        return hall.emulated().pressButton(v.emulated(), "Tea");
      })).toList();
      go.countDown();
      for (Future<String> press : presses) {
        press.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    voters.forEach(v -> hall.expectNotification("You voted Tea"));
    hall.as(owner).sends("/results").expectReply("Tea: 50, Coffee: 0");
    assertEquals(50, bot.session("poll:" + hall.chatId()).data(Poll.class).votes().size());
  }
}
