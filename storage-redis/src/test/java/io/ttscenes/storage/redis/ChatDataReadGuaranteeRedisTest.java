package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.testkit.kit.BotTester;
import io.ttscenes.testkit.kit.TestChat;
import io.ttscenes.testkit.kit.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The exact guarantee for chat data a handler only reads (docs/architecture.md, "Chat data beside
 * member data"): its commit does not compare the chat data's version, so a member's vote counted
 * on a poll read open stands when another member closed the poll meanwhile; a handler that writes
 * the value it read back (even unchanged) makes its commit compare the version, and then runs
 * again on the closed poll. On real Redis, members of one group chat in parallel lanes.
 */
final class ChatDataReadGuaranteeRedisTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();
  private static final AtomicInteger BOTS = new AtomicInteger();

  record Poll(boolean open) {}

  record Voted(boolean voted) {}

  private final CountDownLatch readTheOpenPoll = new CountDownLatch(1);
  private final CountDownLatch pollClosed = new CountDownLatch(1);
  private final AtomicInteger voteRuns = new AtomicInteger();
  private final String botName = "poll-bot-" + BOTS.incrementAndGet();
  private RedisSessionStore store;
  private BotTester bot;
  private TestUser alice;
  private TestUser bob;
  private TestChat chat;

  @BeforeEach
  void start() {
    store = RedisSessionStore.create(RedisConfig.fromUrl(REDIS.url()).newBuilder().botName(botName).build());
    bot = BotTester.builder(pollBot()).store(store).timeout(Duration.ofSeconds(30)).build().start();
    alice = bot.user("Alice");
    bob = bot.user("Bob");
    chat = bot.groupChat("Poll", alice, bob);
  }

  @AfterEach
  void stop() {
    pollClosed.countDown();
    bot.close();
    store.close();
  }

  @Test
  void aVoteThatOnlyReadThePollStandsWhenThePollClosedMeanwhile() throws Exception {
    assertEquals("counted: the poll was open", voteWhileBobCloses("/vote"));

    assertEquals(1, voteRuns.get(), "the read-only vote committed at once, its read unchecked");
    assertVotedAndPollClosed(true);
  }

  @Test
  void aVoteThatWritesThePollBackRunsAgainOnTheClosedPollAndIsRefused() throws Exception {
    assertEquals("refused: the poll is closed", voteWhileBobCloses("/vote-checked"));

    assertEquals(2, voteRuns.get(), "the commit compared the poll's version, lost, and the vote ran again");
    assertVotedAndPollClosed(false);
  }

  private void assertVotedAndPollClosed(boolean voted) {
    assertEquals(new Voted(voted), bot.session(alice, chat).sessionData(Voted.class));
    assertEquals(Optional.of(new Poll(false)), bot.chatData(chat, Poll.class));
  }

  /**
   * Alice votes with {@code command}; after her handler read the open poll, Bob closes it and his
   * commit lands before hers. Returns the reply Alice's vote got.
   */
  private String voteWhileBobCloses(String command) throws Exception {
    chat.emulated().sendText(alice.emulated(), command);
    assertTrue(readTheOpenPoll.await(30, TimeUnit.SECONDS), "Alice's vote read the poll");
    chat.emulated().sendText(bob.emulated(), "/close");
    String pollKey = "c:" + chat.chatId();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (store.loadChatData(pollKey).isEmpty() && System.nanoTime() < end) {
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
    assertTrue(store.loadChatData(pollKey).isPresent(), "Bob's close committed");
    pollClosed.countDown();
    List<String> replies = new ArrayList<>();
    chat.expectReply(r -> replies.add(r.text())).expectReply(r -> replies.add(r.text()));
    assertTrue(replies.remove("closed"), replies.toString());
    return replies.get(0);
  }

  private Bot pollBot() {
    return Bot.builder(botName)
        .sessionData(Voted.class, () -> new Voted(false))
        .chatData(Poll.class, () -> new Poll(true))
        .root(root -> root
            .onCommand("close", ctx -> ctx.setChatData(new Poll(false)).reply("closed"))
            .onCommand("vote", ctx -> vote(ctx, ctx.chatData(Poll.class)))
            .onCommand("vote-checked", ctx -> {
              Poll poll = ctx.chatData(Poll.class);
              // Written back unchanged: the commit then compares the version read.
              ctx.setChatData(poll);
              vote(ctx, poll);
            }))
        .build();
  }

  private void vote(io.ttscenes.api.Context<?> ctx, Poll poll) {
    voteRuns.incrementAndGet();
    readTheOpenPoll.countDown();
    try {
      pollClosed.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (poll.open()) {
      ctx.setSession(new Voted(true)).reply("counted: the poll was open");
    } else {
      ctx.reply("refused: the poll is closed");
    }
  }
}
