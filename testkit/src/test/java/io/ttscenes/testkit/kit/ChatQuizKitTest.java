package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.ttscenes.api.store.ChatDataWrite;
import io.ttscenes.api.store.ChatKeys;
import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.CommitResult;
import io.ttscenes.api.store.ForwardingSessionStore;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoredChatData;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A 3-member quiz keeps per-member scores and a chat leaderboard, each answer one atomic commit. */
final class ChatQuizKitTest {

  @Test
  void threeMembersKeepTheirOwnScoresAndOneLeaderboardPerChat() {
    try (BotTester bot = BotTester.of(ChatQuizBot.create()).start()) {
      TestUser alice = bot.user("Alice");
      TestUser bob = bot.user("Bob");
      TestUser carol = bot.user("Carol");
      TestChat night = bot.groupChat("Quiz night", alice, bob, carol);
      TestChat family = bot.groupChat("Family", alice, bob);

      night.as(alice).sends("4").expectReply("Right, Alice! Your score: 1");
      night.as(bob).sends("5").expectReply("Not quite, Bob! Your score: 0");
      night.as(carol).sends("4").expectReply("Right, Carol! Your score: 1");
      night.as(alice).sends("4").expectReply("Right, Alice! Your score: 2");
      family.as(bob).sends("4").expectReply("Right, Bob! Your score: 1");
      night.as(bob).sends("/board").expectReply("Leaderboard: Alice 2, Carol 1");
      family.as(alice).sends("/board").expectReply("Leaderboard: Bob 1").expectNoMoreReplies();

      assertEquals(new ChatQuizBot.Score(2), bot.session(alice, night).sessionData(ChatQuizBot.Score.class));
      assertEquals(new ChatQuizBot.Score(0), bot.session(bob, night).sessionData(ChatQuizBot.Score.class));
      assertEquals(new ChatQuizBot.Score(1), bot.session(bob, family).sessionData(ChatQuizBot.Score.class));
      assertEquals(Optional.of(new ChatQuizBot.Board(Map.of("Alice", 2, "Carol", 1))),
          bot.chatData(night, ChatQuizBot.Board.class));
      assertEquals(ChatKeys.member(night.chatId(), alice.emulated().userId()), bot.sessionKey(alice, night),
          "a member's session sits beside its chat's data");
    }
  }

  @Test
  void membersAnsweringAtOnceAreAllCountedTheLosersRunningAgain() throws Exception {
    // Three members send three answers each at once; on top of the races they run into by
    // themselves, the first two reads of the leaderboard are overtaken by another writer, so at
    // least two commits lose and their handlers run again.
    RivalStore store = new RivalStore(InMemorySessionStore.create(), 2);
    try (BotTester bot = BotTester.builder(ChatQuizBot.create()).store(store).build().start()) {
      List<TestUser> members = List.of(bot.user("Ann"), bot.user("Ben"), bot.user("Cid"));
      TestChat hall = bot.groupChat("Hall", members.get(0), members.get(1), members.get(2));

      answerAtOnce(hall, members, 3);

      members.forEach(m -> assertEquals(new ChatQuizBot.Score(3),
          bot.session(m, hall).sessionData(ChatQuizBot.Score.class), m.emulated().name()));
      assertEquals(Optional.of(new ChatQuizBot.Board(Map.of("Ann", 3, "Ben", 3, "Cid", 3))),
          bot.chatData(hall, ChatQuizBot.Board.class));
      assertEquals(9 + store.rivalWrites(), store.loadChatData("c:" + hall.chatId()).map(StoredChatData::version).orElse(0L),
          "one chat data version per answer and per rival write: nothing counted twice");
      double conflicts = bot.meters().find("ttscenes.commit.conflicts").counters().stream()
          .mapToDouble(Counter::count).sum();
      assertTrue(conflicts >= 2, "the first round's two losers re-ran; conflicts: " + conflicts);
      for (int i = 0; i < 9; i++) {
        hall.expectReplyContaining("Right, ");
      }
      hall.as(members.get(0)).sends("/board").expectReply("Leaderboard: Ann 3, Ben 3, Cid 3");
    }
  }

  @Test
  void chatDataInAPrivateDialogIsRefusedAtTheCall() {
    try (BotTester bot = BotTester.of(ChatQuizBot.create()).start()) {
      TestUser dana = bot.user("Dana");

      dana.sends("/board").expectReply("chatData() is for group chats; session '" + bot.sessionKey(dana)
          + "' is a private dialog, which has no chat data");
      dana.sends("4").expectReply("chatData() is for group chats; session '" + bot.sessionKey(dana)
          + "' is a private dialog, which has no chat data");

      assertEquals(new ChatQuizBot.Score(0), bot.session(dana).sessionData(ChatQuizBot.Score.class),
          "the refused run kept nothing");
    }
  }

  @Test
  void aDeployThatAddsTheLeaderboardKeepsTheScoresMembersHad() {
    SessionStore store = InMemorySessionStore.create();
    String legacyKey;
    try (BotTester before = BotTester.builder(ChatQuizBot.withoutBoard()).store(store).build().start()) {
      TestUser eve = before.user("Eve");
      TestChat club = before.groupChat("Club", eve, before.user("Finn"));
      club.as(eve).sends("4").expectReply("Right! Your score: 1");
      club.as(eve).sends("4").expectReply("Right! Your score: 2");
      legacyKey = before.sessionKey(eve, club);
    }
    try (BotTester after = BotTester.builder(ChatQuizBot.create()).store(store).build().start()) {
      TestUser eve = after.user("Eve");
      TestChat club = after.groupChat("Club", eve, after.user("Finn"));
      assertEquals(ChatKeys.scoped(legacyKey).orElseThrow(), after.sessionKey(eve, club),
          "the same member in the same chat");

      club.as(eve).sends("4").expectReply("Right, Eve! Your score: 3");

      assertEquals(Optional.of(new ChatQuizBot.Board(Map.of("Eve", 1))), after.chatData(club, ChatQuizBot.Board.class));
      assertTrue(store.load(legacyKey).orElseThrow().hasSeen("ttscenes.moved"), "the old session is retired");
    }
  }

  private static void answerAtOnce(TestChat chat, List<TestUser> members, int rounds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(members.size());
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Object>> answers = members.stream().map(m -> pool.<Object>submit(() -> {
        go.await();
        for (int i = 0; i < rounds; i++) {
          chat.emulated().sendText(m.emulated(), "4");
        }
        return null;
      })).toList();
      go.countDown();
      for (Future<Object> answer : answers) {
        answer.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A real store in which another writer gets in first: right after each of the first
   * {@code rivals} reads of chat data, the chat data is written again unchanged under a new
   * version (by the chat's own session, as a second instance might), so the reader's commit
   * really conflicts and its handler runs again.
   */
  private static final class RivalStore extends ForwardingSessionStore {
    /** How many of the rival writes won (two rivals reading one version: the second loses). */
    int rivalWrites() {
      return written.get();
    }

    private final AtomicInteger rivals;
    private final AtomicInteger written = new AtomicInteger();

    RivalStore(SessionStore delegate, int rivals) {
      super(delegate);
      this.rivals = new AtomicInteger(rivals);
    }

    @Override
    public Optional<StoredChatData> loadChatData(String chatKey) {
      Optional<StoredChatData> read = super.loadChatData(chatKey);
      int n = rivals.getAndDecrement();
      if (n > 0) {
        long version = read.map(StoredChatData::version).orElse(0L);
        String data = read.map(StoredChatData::data).orElse("{\"points\":{}}");
        long chatSession = delegate().load(chatKey).map(s -> s.version()).orElse(0L);
        CommitResult result = delegate().commit(new Commit(chatKey, chatSession, "{}", Optional.empty(), "rival:" + n,
            Duration.ofHours(1), Set.of(), Optional.empty(), Set.of(),
            Optional.of(new ChatDataWrite(chatKey, version, data, Duration.ofHours(1)))));
        if (result instanceof CommitResult.Committed) {
          written.incrementAndGet();
        }
      }
      return read;
    }
  }
}
