package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.store.ForwardingSessionStore;
import io.ttscenes.api.store.InboxEntry;
import io.ttscenes.api.store.StoreUnavailableException;
import io.ttscenes.api.testing.FakeClock;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A continuation whose sender's instance dies before the continuation ran: the call and its
 * continuation are part of the committed outbox entry, so the instance that recovers the entry
 * makes the call and runs the continuation, once, with what TamTam answered it. The leases run on
 * a ticker the test moves, as in {@link SignalSenderCrashTest}.
 */
final class ContinuationCrashTest {
  private static final Bot POSTER = Bot.builder("poster")
      .root(r -> r
          .onCommand("ask", ctx -> ctx.reply("posted").then("posted"))
          .onSent("posted", (ctx, sent) -> ctx.sendToUser(1, OutgoingMessage.text("posted as " + sent.messageId()))))
      .build();
  private static final Duration LEASE = Duration.ofMinutes(10);

  /** A store whose next {@code appendSignal} calls fail as unavailable, as a store outage would. */
  static final class FailingAppends extends ForwardingSessionStore {
    final AtomicInteger failures = new AtomicInteger();

    FailingAppends(InMemorySessionStore store) {
      super(store);
    }

    @Override
    public void appendSignal(String key, InboxEntry entry) {
      if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new StoreUnavailableException("store down (test)", null);
      }
      super.appendSignal(key, entry);
    }
  }

  private final FakeClock clock = FakeClock.atEpochSecond(1_700_000_000L);
  private final AtomicLong ticks = new AtomicLong();
  private final FailingAppends store =
      new FailingAppends(InMemorySessionStore.builder().ticker(ticks::get).build());

  private Dispatcher dispatcher(String instance, RecordingBotApi api) {
    return Dispatcher.builder(POSTER, store, api).clock(clock).recoveryMinAge(Duration.ofSeconds(60))
        .instanceId(instance, LEASE).build();
  }

  /** The sender dies: its lease runs out, and the other instance recovers its entry. */
  private void senderDies() {
    clock.advance(Duration.ofMinutes(2));
    ticks.addAndGet(LEASE.plusMinutes(1).toNanos());
  }

  @Test
  void aCallMadeByOutboxRecoveryRunsItsContinuationOnceWithWhatTamTamAnswered() throws Exception {
    RecordingBotApi senderApi = new RecordingBotApi().failUnavailable("sendMessage", 1);
    RecordingBotApi recoveringApi = new RecordingBotApi();
    try (Dispatcher sender = dispatcher("sender", senderApi);
        Dispatcher recovering = dispatcher("recovering", recoveringApi)) {
      sender.submit(text(1, 10, "/ask")).get(10, TimeUnit.SECONDS);
      senderDies();
      assertEquals(1, recovering.recoverOutboxes().get(10, TimeUnit.SECONDS));

      assertEquals(List.of("posted", "posted as mid.sent.1"), recoveringApi.awaitTexts(2));
      assertEquals(0, sender.retryParkedOutboxes().get(10, TimeUnit.SECONDS), "the dead sender's id retired");
      assertEquals(0, recovering.recoverOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(List.of(), senderApi.sentTexts());
      assertEquals(List.of("posted", "posted as mid.sent.1"), recoveringApi.sentTexts(), "continued once");
    }
  }

  @Test
  void aCrashBetweenTheSendAndTheContinuationRunsTheContinuationOnceAfterRecovery() throws Exception {
    RecordingBotApi senderApi = new RecordingBotApi();
    RecordingBotApi recoveringApi = new RecordingBotApi();
    store.failures.set(1);
    try (Dispatcher sender = dispatcher("sender", senderApi);
        Dispatcher recovering = dispatcher("recovering", recoveringApi)) {
      // TamTam took the message, but its outcome never reached the session's inbox.
      sender.submit(text(1, 10, "/ask")).get(10, TimeUnit.SECONDS);
      assertEquals(List.of("posted"), senderApi.sentTexts());
      senderDies();
      assertEquals(1, recovering.recoverOutboxes().get(10, TimeUnit.SECONDS));

      // Replies are at least once: the recovered entry posts again, and its mid is the one kept.
      assertEquals(List.of("posted", "posted as mid.sent.1"), recoveringApi.awaitTexts(2));
      assertEquals(0, sender.retryParkedOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(0, recovering.recoverOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(List.of("posted"), senderApi.sentTexts(), "the dead sender continued nothing");
      assertEquals(List.of("posted", "posted as mid.sent.1"), recoveringApi.sentTexts(), "continued once");
    }
  }

  @Test
  void aStoreOutageAfterTheSendDeliversTheOutcomeLaterWithoutPostingTwice() throws Exception {
    RecordingBotApi api = new RecordingBotApi();
    store.failures.set(1);
    try (Dispatcher alone = dispatcher("alone", api)) {
      alone.submit(text(1, 10, "/ask")).get(10, TimeUnit.SECONDS);
      assertEquals(List.of("posted"), api.sentTexts());

      alone.retryParkedOutboxes().get(10, TimeUnit.SECONDS);
      assertEquals(List.of("posted", "posted as mid.sent.1"), api.awaitTexts(2));
      assertEquals(0, alone.recoverOutboxes().get(10, TimeUnit.SECONDS));
      assertEquals(List.of("posted", "posted as mid.sent.1"), api.sentTexts(), "posted once, continued once");
    }
  }
}
