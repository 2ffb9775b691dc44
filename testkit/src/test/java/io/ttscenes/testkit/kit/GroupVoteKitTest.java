package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A vote in group chats: members press buttons, the bot tallies per chat. */
final class GroupVoteKitTest {
  @RegisterExtension
  static final BotTester bot = BotTester.of(VoteBot.create());

  @Test
  void twoMembersVoteAndTheBotTalliesEachChatApart() {
    TestUser alice = bot.user("Alice");
    TestUser bob = bot.user("Bob");
    TestUser carol = bot.user("Carol");
    TestChat team = bot.groupChat("Team", alice, bob)
        .expectReply("Hello, Team! Send /vote to start a vote.");
    TestChat family = bot.groupChat("Family", carol, alice)
        .expectReply("Hello, Family! Send /vote to start a vote.");

    team.as(alice).sends("/vote")
        .expectReply("Tea or coffee?").expectKeyboard("Tea", "Coffee");
    team.as(alice).presses("Tea")
        .expectNotification("You voted Tea")
        .expectEdit("Tea or coffee? Tea: 1, Coffee: 0").expectKeyboard("Tea", "Coffee");
    bob.in(team).presses("Coffee")
        .expectNotification("You voted Coffee")
        .expectEdit("Tea or coffee? Tea: 1, Coffee: 1");
    family.as(carol).sends("/vote").expectReply("Tea or coffee?");
    family.as(alice).presses("Coffee")
        .expectNotification("You voted Coffee")
        .expectEdit("Tea or coffee? Tea: 0, Coffee: 1");
    team.as(alice).presses("Coffee")
        .expectNotification("You voted Coffee")
        .expectEdit("Tea or coffee? Tea: 0, Coffee: 2");
    team.as(bob).sends("/results").expectReply("Tea: 0, Coffee: 2").expectNoMoreReplies();
    family.expectNoMoreReplies();
    alice.expectNoMoreReplies();

    assertEquals(new VoteBot.Tally(1, Map.of(Long.toString(alice.emulated().userId()), "Coffee",
        Long.toString(bob.emulated().userId()), "Coffee")), bot.session(bob, team).sessionData(VoteBot.Tally.class));
    assertEquals(bot.sessionKey(alice, team), bot.sessionKey(bob, team));
    assertNotEquals(bot.sessionKey(alice, team), bot.sessionKey(alice, family));
  }

  @Test
  void pressOnAnOldPollsButtonIsTurnedAwayAndNotCounted() {
    TestUser alice = bot.user("Alice");
    TestUser bob = bot.user("Bob");
    TestChat office = bot.groupChat("Office", alice, bob)
        .expectReply("Hello, Office! Send /vote to start a vote.");
    office.as(alice).sends("/vote").expectReply("Tea or coffee?");
    bob.in(office).presses("Coffee").expectNotification("You voted Coffee")
        .expectEdit("Tea or coffee? Tea: 0, Coffee: 1");
    office.as(alice).sends("/vote").expectReply("Tea or coffee?");

    office.emulated().pressCallback(bob.emulated(), "vote:1:Tea");   // under the first poll's message

    office.expectNotification("This vote is closed; vote in the latest one.").expectNoMoreReplies();
    office.as(bob).sends("/results").expectReply("Tea: 0, Coffee: 0");
    assertEquals(new VoteBot.Tally(2, Map.of()), bot.session(bob, office).sessionData(VoteBot.Tally.class));
  }

  @Test
  void membersPressingAtOnceAreAllCounted() throws Exception {
    TestUser owner = bot.user("Olive");
    List<TestUser> voters = IntStream.range(0, 8).mapToObj(i -> bot.user("Voter" + i)).toList();
    TestChat hall = bot.groupChat("Hall", owner, voters.toArray(TestUser[]::new))
        .expectReply("Hello, Hall! Send /vote to start a vote.");
    hall.as(owner).sends("/vote").expectReply("Tea or coffee?");

    ExecutorService pool = Executors.newFixedThreadPool(voters.size());
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> presses = voters.stream().map(v -> pool.submit(() -> {
        go.await();
        return hall.emulated().pressCallback(v.emulated(), "vote:1:Tea");
      })).toList();
      go.countDown();
      for (Future<String> press : presses) {
        press.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    voters.forEach(v -> hall.expectNotification("You voted Tea"));
    hall.as(owner).sends("/results").expectReply("Tea: " + voters.size() + ", Coffee: 0");
    assertEquals(voters.size(), bot.session(owner, hall).sessionData(VoteBot.Tally.class).votes().size());
  }

  @Test
  void subscribersVoteUnderTheOwnersPostInAChannel() {
    TestUser owner = bot.user("Olga");
    TestUser reader = bot.user("Rick");
    TestChat news = bot.channel("News", owner, reader)
        .expectReply("Hello, News! Send /vote to start a vote.");

    news.as(owner).sends("/vote").expectReply("Tea or coffee?");
    news.as(reader).presses("Tea")
        .expectNotification("You voted Tea")
        .expectEdit("Tea or coffee? Tea: 1, Coffee: 0")
        .expectNoMoreReplies();

    assertThrows(IllegalArgumentException.class, () -> news.as(reader).sends("/vote"));
    assertEquals("Tea: 1, Coffee: 0", bot.session(reader, news).sessionData(VoteBot.Tally.class).summary());
  }

  @Test
  void aRemovedBotHearsNothingUntilItIsAddedAgain() {
    TestUser dave = bot.user("Dave");
    TestUser erin = bot.user("Erin");
    TestChat club = bot.groupChat("Club", dave, erin)
        .expectReply("Hello, Club! Send /vote to start a vote.");

    club.removeBot();
    club.as(erin).sends("/vote").expectNoMoreReplies();
    club.addBot().expectReply("Hello, Club! Send /vote to start a vote.");
    club.as(erin).sends("/vote").expectReply("Tea or coffee?").expectNoMoreReplies();

    assertEquals("active", club.emulated().botStatus().orElseThrow());
  }
}
