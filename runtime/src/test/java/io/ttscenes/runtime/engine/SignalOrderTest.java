package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.SessionRef;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The order in which a target handles signals waiting together in its inbox: a sender's own in its
 * commit order even when their delivery times say otherwise (instances whose clocks disagree; here
 * the one clock is moved back between two deliveries), different senders' by delivery time.
 */
final class SignalOrderTest {
  private static final String DESK = SessionRef.named("desk").key();

  record Hold() {}

  record Note(String text) {}

  private final CountDownLatch holding = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final Harness h = new Harness(Bot.builder("desk")
      .root(r -> r
          .onCommand("hold", ctx -> ctx.signal(SessionRef.named("desk"), new Hold()).reply("holding"))
          .onSignal(Hold.class, (ctx, hold) -> {
            holding.countDown();
            try {
              assertTrue(release.await(10, TimeUnit.SECONDS), "released");
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          })
          .onCommand("note", ctx -> ctx.signal(SessionRef.named("desk"), new Note(ctx.args())).reply("noted"))
          .onSignal(Note.class, (ctx, note) -> ctx.sendToUser(1, OutgoingMessage.text(
              "desk got " + note.text() + " from " + ctx.signalSender().orElseThrow().key()))))
      .build(), new FaultyStore(InMemorySessionStore.create()), 4);

  @AfterEach
  void close() {
    release.countDown();
    h.close();
  }

  @Test
  void aSendersSignalsWaitingTogetherAreHandledInCommitOrderWhateverTheirDeliveryTimes() throws Exception {
    // The desk's lane is busy, so what follows waits together in its inbox.
    h.handle(text(1, 10, "/hold"));
    assertTrue(holding.await(10, TimeUnit.SECONDS), "the desk is holding");

    h.handle(text(1, 10, "/note first"));
    h.clock.advance(Duration.ofSeconds(-5));
    h.handle(text(1, 10, "/note second"));
    h.clock.advance(Duration.ofSeconds(-5));
    h.handle(text(2, 20, "/note other"));
    assertEquals(4, h.store.inbox(DESK).size(), "hold, first, second and other wait");

    release.countDown();
    List<String> desk = h.api.awaitTexts(7).stream().filter(text -> text.startsWith("desk got")).toList();

    assertEquals(List.of("desk got other from u:2:c:20", "desk got first from u:1:c:10",
        "desk got second from u:1:c:10"), desk,
        "the other sender's older signal first; u:1's first commit before its second, though delivered later");
  }
}
