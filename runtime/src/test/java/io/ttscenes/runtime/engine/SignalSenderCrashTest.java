package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.SessionRef;
import io.ttscenes.api.testing.FakeClock;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A signal whose sender's instance dies between the commit and the delivery: the signal is part
 * of the sender's committed outbox entry, so the instance that recovers the entry delivers it, and
 * the target handles it once (see docs/architecture.md, signals). The leases run on a ticker the
 * test moves, as in {@link ParkedEntryOwnerTest}.
 */
final class SignalSenderCrashTest {
  record Note(String text) {}

  private static final Bot DESK = Bot.builder("desk")
      .root(r -> r
          .onCommand("ask", ctx -> ctx.reply("sent").signal(SessionRef.named("desk"), new Note(ctx.args())))
          .onSignal(Note.class, (ctx, note) -> ctx.sendToUser(1, OutgoingMessage.text("desk got " + note.text()))))
      .build();
  private static final Duration LEASE = Duration.ofMinutes(10);

  private final FakeClock clock = FakeClock.atEpochSecond(1_700_000_000L);
  private final AtomicLong ticks = new AtomicLong();
  private final InMemorySessionStore store = InMemorySessionStore.builder().ticker(ticks::get).build();

  private Dispatcher dispatcher(String instance, RecordingBotApi api) {
    return Dispatcher.builder(DESK, store, api).clock(clock).recoveryMinAge(Duration.ofSeconds(60))
        .instanceId(instance, LEASE).build();
  }

  @Test
  void aSignalLeftUndeliveredByADeadSenderIsDeliveredByRecoveryAndHandledOnce() throws Exception {
    // The reply before the signal fails: the sender's entry stops there, the signal undelivered.
    RecordingBotApi senderApi = new RecordingBotApi().failUnavailable("sendMessage", 1);
    RecordingBotApi recoveringApi = new RecordingBotApi();
    try (Dispatcher sender = dispatcher("sender", senderApi);
        Dispatcher recovering = dispatcher("recovering", recoveringApi)) {
      sender.submit(text(1, 10, "/ask hi")).get(10, TimeUnit.SECONDS);
      assertEquals(List.of(), store.inbox(SessionRef.named("desk").key()), "nothing delivered yet");

      // The sender dies: its lease runs out, and the other instance recovers its entry.
      clock.advance(Duration.ofMinutes(2));
      ticks.addAndGet(LEASE.plusMinutes(1).toNanos());
      assertEquals(1, recovering.recoverOutboxes().get(10, TimeUnit.SECONDS));

      assertEquals(List.of("sent", "desk got hi"), recoveringApi.awaitTexts(2));
      assertEquals(0, sender.retryParkedOutboxes().get(10, TimeUnit.SECONDS), "the dead sender's id retired");
      assertEquals(0, recovering.recoverOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(List.of(), store.inbox(SessionRef.named("desk").key()));
      assertEquals(List.of(), senderApi.sentTexts());
      assertEquals(List.of("sent", "desk got hi"), recoveringApi.sentTexts(), "handled once");
    }
  }
}
