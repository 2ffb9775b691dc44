package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.store.ChatKeys;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A deploy that adds chat data moves a member's session to its chat-scoped key and keeps what it saw. */
final class ChatMemberMoveTest {
  record Counter(int count) {}

  record Board(int answers) {}

  private static Bot counterBot(boolean withChatData) {
    Bot.Builder builder = Bot.builder("counter").sessionData(Counter.class, () -> new Counter(0));
    if (withChatData) {
      builder.chatData(Board.class, () -> new Board(0));
    }
    return builder.root(r -> r.onText(ctx -> {
      int next = ctx.session(Counter.class).count() + 1;
      ctx.setSession(new Counter(next)).reply("count " + next);
    })).build();
  }

  @Test
  void anUpdateTheOldSessionCommittedIsNotAnsweredAgainByTheRunThatMovesIt() {
    FaultyStore store = new FaultyStore(InMemorySessionStore.create());
    Update two = text(1, 10, "two");
    try (Harness before = new Harness(counterBot(false), store, 2)) {
      before.handle(text(1, 10, "one"));
      before.handle(two);
      assertEquals(List.of("count 1", "count 2"), before.texts());
    }
    try (Harness after = new Harness(counterBot(true), store, 2)) {
      // The old instance committed 'two' but died before acking it: the poll delivers it again.
      after.handle(two);
      after.handle(text(1, 10, "three"));

      assertEquals(List.of("count 3"), after.texts(), "'two' was answered before the deploy");
      assertTrue(store.inner().load(ChatKeys.member(10, 1)).isPresent(), "moved to the chat-scoped key");
    }
  }
}
