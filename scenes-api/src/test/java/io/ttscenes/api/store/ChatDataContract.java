package io.ttscenes.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.store.CommitResult.Committed;
import io.ttscenes.api.store.CommitResult.Conflict;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The half of the contract about data a group chat shares: a member's session and its chat's
 * data commit together or not at all, each compared on its own version; see
 * {@link SessionStoreContract}.
 */
public abstract class ChatDataContract extends LeaseContract {
  private static final String CHAT = "c:-70";

  private static Commit withChat(String key, long expected, String data, String updateId, long chatExpected,
      String chatData, Optional<OutboxEntry> outbox) {
    return new Commit(key, expected, data, outbox, updateId, HOUR, Set.of(), Optional.empty(), Set.of(),
        Optional.of(new ChatDataWrite(ChatKeys.chatOf(key).orElseThrow(), chatExpected, chatData, HOUR)));
  }

  @Test
  void aMemberCommitWritesItsSessionAndTheChatDataTogether() {
    assertEquals(Optional.empty(), store.loadChatData(CHAT));

    CommitResult result = store.commit(withChat(ChatKeys.member(-70, 1), 0, "{\"score\":1}", "m1", 0,
        "{\"board\":{\"1\":1}}", Optional.empty()));

    assertEquals(new Committed(1), result);
    assertEquals("{\"score\":1}", loaded(ChatKeys.member(-70, 1)).data());
    assertEquals(Optional.of(new StoredChatData(1, "{\"board\":{\"1\":1}}")), store.loadChatData(CHAT));
  }

  @Test
  void theLoserOfAChatDataRaceWritesNeitherItsSessionNorItsOutbox() {
    String first = ChatKeys.member(-70, 1);
    String second = ChatKeys.member(-70, 2);
    store.commit(withChat(first, 0, "a1", "m1", 0, "board-1", Optional.empty()));

    store.commit(withChat(first, 1, "a2", "m2", 1, "board-2", Optional.empty()));
    CommitResult late = store.commit(withChat(second, 0, "b1", "m3", 1, "board-2b",
        Optional.of(new OutboxEntry("1:m3", "{\"reply\":1}"))));

    assertInstanceOf(Conflict.class, late, "its chat data read was stale");
    assertEquals(Optional.empty(), store.load(second), "its session stays unwritten");
    assertTrue(store.pendingOutboxes(10).stream().noneMatch(p -> p.key().equals(second)), "no outbox");
    assertEquals(Optional.of(new StoredChatData(2, "board-2")), store.loadChatData(CHAT));
  }

  @Test
  void aMemberCommitWithAReplyQueuesItsOutboxBesideTheChatDataAndClearsIt() {
    String member = ChatKeys.member(-70, 1);
    OutboxEntry reply = new OutboxEntry("1:m1", "{\"reply\":1}");

    CommitResult result = store.commit(withChat(member, 0, "a1", "m1", 0, "board-1", Optional.of(reply)));

    assertEquals(new Committed(1), result);
    assertEquals(List.of(new PendingOutbox(member, reply)), store.pendingOutboxes(10));
    CommitResult cleared = store.commit(new Commit(member, 1, "a2", Optional.empty(), "m2", HOUR, Set.of("1:m1"),
        Optional.empty(), Set.of(), Optional.of(new ChatDataWrite(CHAT, 1, "board-2", HOUR))));
    assertEquals(new Committed(2), cleared);
    assertEquals(List.of(), store.pendingOutboxes(10), "the cleared reply left the index");
    assertEquals(Optional.of(new StoredChatData(2, "board-2")), store.loadChatData(CHAT));
  }

  @Test
  void aSessionConflictLeavesTheChatDataAsItWas() {
    String member = ChatKeys.member(-70, 1);
    store.commit(withChat(member, 0, "a1", "m1", 0, "board-1", Optional.empty()));

    CommitResult stale = store.commit(withChat(member, 0, "a1-again", "m2", 1, "board-2", Optional.empty()));

    assertRefused(member, 1, stale);
    assertEquals(Optional.of(new StoredChatData(1, "board-1")), store.loadChatData(CHAT));
    assertEquals("a1", loaded(member).data());
  }

  @Test
  void theChatsOwnSessionCommitsItsChatDataToo() {
    store.commit(withChat(CHAT, 0, "chat-session", "m1", 0, "board-1", Optional.empty()));

    assertEquals(Optional.of(new StoredChatData(1, "board-1")), store.loadChatData(CHAT));
    assertEquals(Optional.empty(), store.loadChatData("c:71"), "another chat has none");
  }

  @Test
  void membersCommittingAtOnceAreAllCountedByRetryingOnConflict() throws Exception {
    AtomicInteger next = new AtomicInteger();
    List<Integer> conflicts = Concurrently.run(8, () -> {
      String member = ChatKeys.member(-70, next.incrementAndGet());
      int lost = 0;
      while (true) {
        Optional<StoredChatData> board = store.loadChatData(CHAT);
        long version = board.map(StoredChatData::version).orElse(0L);
        int count = board.map(b -> Integer.parseInt(b.data())).orElse(0);
        CommitResult result = store.commit(withChat(member, 0, "answered", "m", version,
            Integer.toString(count + 1), Optional.empty()));
        if (result instanceof Committed) {
          return lost;
        }
        lost++;
      }
    });

    assertEquals("8", store.loadChatData(CHAT).orElseThrow().data(), "conflicts " + conflicts);
    assertEquals(8, store.loadChatData(CHAT).orElseThrow().version());
  }

  @Test
  void chatDataOutsideAChatIsRefusedWhereTheCommitIsMade() {
    IllegalArgumentException dialog = assertThrows(IllegalArgumentException.class,
        () -> new Commit("u:1", 0, "{}", Optional.empty(), "m1", HOUR, Set.of(), Optional.empty(), Set.of(),
            Optional.of(new ChatDataWrite(CHAT, 0, "{}", HOUR))));
    assertTrue(dialog.getMessage().contains("'u:1'"), dialog.getMessage());
    assertThrows(IllegalArgumentException.class, () -> store.loadChatData("u:1"));
  }
}
