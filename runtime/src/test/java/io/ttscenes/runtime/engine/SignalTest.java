package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.SessionRef;
import io.ttscenes.api.store.ForwardingSessionStore;
import io.ttscenes.api.store.InboxEntry;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class SignalTest {
  private static final String DESK = SessionRef.named("desk").key();

  record Note(String text) {}

  record Stray(int n) {}

  /** Passed on from session hop:n to hop:n+1 until {@link #HOPS}. */
  record Relay(int hop) {}

  private static final int HOPS = 6;

  /** Jackson cannot write it: its only property throws. */
  static final class Unwritable {
    public String getValue() {
      throw new IllegalStateException("not today");
    }
  }

  /** Keeps every signal delivered, so a test can deliver one again as a crashed sender would. */
  static final class Deliveries extends ForwardingSessionStore {
    final List<String> keys = new CopyOnWriteArrayList<>();
    final List<InboxEntry> entries = new CopyOnWriteArrayList<>();

    Deliveries() {
      super(InMemorySessionStore.create());
    }

    @Override
    public void appendSignal(String key, InboxEntry entry) {
      keys.add(key);
      entries.add(entry);
      super.appendSignal(key, entry);
    }
  }

  private final Deliveries deliveries = new Deliveries();
  private final Harness h = new Harness(Bot.builder("desk")
      .root(r -> r
          .onSignal(Note.class, (ctx, note) -> ctx.sendToUser(1, OutgoingMessage.text(
              "desk got " + note.text() + " from " + ctx.signalSender().orElseThrow().key())))
          .onCommand("ask", ctx -> ctx.signal(SessionRef.named("desk"), new Note(ctx.args())).reply("sent"))
          .onCommand("stray", ctx -> ctx.signal(SessionRef.named("desk"), new Stray(1)).reply("strayed"))
          .onCommand("bad", ctx -> ctx.signal(SessionRef.named("desk"), new Unwritable()).reply("never"))
          .onCommand("relay", ctx -> ctx.signal(SessionRef.named("hop:1"), new Relay(1)).reply("relayed"))
          .onSignal(Relay.class, (ctx, relay) -> {
            if (relay.hop() < HOPS) {
              ctx.signal(SessionRef.named("hop:" + (relay.hop() + 1)), new Relay(relay.hop() + 1));
            } else {
              ctx.sendToUser(1, OutgoingMessage.text("relayed through " + relay.hop()));
            }
          }))
      .build(), new FaultyStore(deliveries), 4);
  private final TimerPoller poller = new TimerPoller(h.store, h.dispatcher, h.clock, Duration.ofMinutes(1), 10);

  @AfterEach
  void close() {
    h.close();
  }

  /**
   * {@code texts} as a set, checked to hold no repeat: the sender's reply and the target's handling
   * of the signal delivered just before it run on two lanes at once, so their order is not defined.
   */
  private static Set<String> inAnyOrder(List<String> texts) {
    assertEquals(texts.size(), Set.copyOf(texts).size(), "no text twice: " + texts);
    return Set.copyOf(texts);
  }

  @Test
  void aSignalRunsTheTargetsHandlerInANamedSessionItCreates() throws Exception {
    h.handle(text(1, 10, "/ask hi"));

    assertEquals(Set.of("sent", "desk got hi from u:1:c:10"), inAnyOrder(h.api.awaitTexts(2)));
    assertTrue(h.dispatcher.drain(Duration.ofSeconds(10)));
    assertEquals(List.of(), h.store.inbox(DESK), "consumed by the desk's commit");
    assertTrue(h.store.load(DESK).orElseThrow().hasSeen("sig:" + deliveries.entries.get(0).id()));
  }

  @Test
  void aSignalPassedOnThroughSeveralSessionsKeepsABoundedId() throws Exception {
    h.handle(text(1, 10, "/relay"));

    assertEquals(Set.of("relayed", "relayed through " + HOPS), inAnyOrder(h.api.awaitTexts(2)));
    List<Integer> lengths = deliveries.entries.stream().map(entry -> entry.id().length()).toList();
    assertEquals(HOPS, lengths.size(), "one delivery per hop");
    // From the second hop on, an id names the event before it by a digest of fixed length.
    assertEquals(1, Set.copyOf(lengths.subList(1, HOPS)).size(), "ids grow hop by hop: " + lengths);
    assertTrue(lengths.stream().allMatch(length -> length <= 80), "ids too long: " + lengths);
    assertEquals(HOPS, Set.copyOf(deliveries.entries.stream().map(InboxEntry::id).toList()).size(),
        "every hop's id is its own");
  }

  @Test
  void aSignalDeliveredAgainAfterItWasHandledIsAppliedOnce() throws Exception {
    h.handle(text(1, 10, "/ask once"));
    h.api.awaitTexts(2);
    waitForEmptyLanes();

    // A sender that crashed before clearing its outbox delivers the same signal again.
    h.store.appendSignal(DESK, deliveries.entries.get(0));
    assertEquals(1, poller.pollOnce(), "the delivery made the desk's timer due");
    waitForEmptyLanes();

    // The sender's reply and the desk's come from two lanes at once: any order, each once.
    assertEquals(List.of("desk got once from u:1:c:10", "sent"), h.texts().stream().sorted().toList());
    assertEquals(UpdateOutcome.DUPLICATE, h.listener.outcomes.get(h.listener.outcomes.size() - 1));
    assertEquals(List.of(), h.store.inbox(DESK));
  }

  @Test
  void aSignalInTheInboxReachesItsTargetThroughTheTimerOnAnyInstance() throws Exception {
    String json = "{\"from\":\"u:7\",\"type\":\"" + Note.class.getName() + "\",\"payload\":{\"text\":\"late\"}}";
    // Delivered by another instance: this one learns of it only from the store's timer.
    h.store.appendSignal(DESK, new InboxEntry("u:7#mid:1#0", h.clock.instant(), json));

    assertEquals(1, poller.pollOnce());

    assertEquals(List.of("desk got late from u:7"), h.api.awaitTexts(1));
    waitForEmptyLanes();
    assertEquals(List.of(), h.store.inbox(DESK));
  }

  @Test
  void aSignalNoHandlerTakesIsCountedDroppedAndTheTargetGoesOn() throws Exception {
    h.handle(text(1, 10, "/stray"));
    waitForEmptyLanes();

    assertTrue(h.listener.outcomes.contains(UpdateOutcome.UNMATCHED), "counted as unmatched");
    assertEquals(List.of(), h.store.inbox(DESK), "dropped, never retried");
    h.handle(text(1, 10, "/ask next"));
    List<String> texts = h.api.awaitTexts(3);
    assertEquals("strayed", texts.get(0));
    assertEquals(Set.of("sent", "desk got next from u:1:c:10"), inAnyOrder(texts.subList(1, 3)));
  }

  @Test
  void aPayloadJacksonCannotWriteFailsInTheSendersHandlerAndSendsNothing() throws Exception {
    h.handle(text(1, 10, "/bad"));
    waitForEmptyLanes();

    assertEquals(UpdateOutcome.HANDLER_FAILED, h.listener.outcomes.get(0));
    assertEquals(List.of(), deliveries.entries, "no signal left the sender");
    assertEquals(Optional.empty(), h.store.load(DESK));
    assertTrue(h.texts().stream().noneMatch("never"::equals));
  }

  private void waitForEmptyLanes() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (h.dispatcher.queuedTasks() > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("lanes still busy: " + h.dispatcher.queuedTasks());
      }
      Thread.sleep(2);
    }
  }
}
