package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import io.ttscenes.api.SessionRef;
import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.InboxEntry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A session whose stored data a deploy made unreadable starts over, and its user is told once and
 * it is counted once, whatever meets it first: a signal with or without a handler, a continuation's
 * outcome, an update whose handler fails.
 */
final class SessionResetNoticeTest {
  private static final String KEY = "u:1:c:10";

  record Order(String product) {}

  record Note(String text) {}

  /** Order stored by a release whose Order had "item", not "product", with user and chat. */
  private static final String OLD_ORDER = "{\"scene\":\"order\",\"data\":{\"item\":\"tea\"},\"user\":1,\"chat\":10}";

  private final Bot bot = Bot.builder("shop")
      .scene(Scene.builder("order", Order.class).onText(ctx -> { }).build())
      .root(r -> r.onText(ctx -> ctx.reply("at the root"))
          .onSignal(Note.class, (ctx, note) -> ctx.reply("noted " + note.text()))
          .onCommand("boom", ctx -> {
            throw new IllegalStateException("boom");
          }))
      .build();
  private final Harness h = new Harness(bot);
  private final TimerPoller poller = new TimerPoller(h.store, h.dispatcher, h.clock, Duration.ofMinutes(1), 10);

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void anUnreadableSignalToASessionThatStartsOverStillTellsItsUser() throws Exception {
    // Written by a release whose Order had "item", not "product".
    h.store.commit(new Commit(KEY, 0, "{\"scene\":\"order\",\"data\":{\"item\":\"tea\"},\"user\":1,\"chat\":10}",
        Optional.empty(), "seed", Duration.ofHours(1)));
    h.store.appendSignal(KEY, new InboxEntry("u:7#mid:1#0", h.clock.instant(), "not a signal"));

    assertEquals(1, poller.pollOnce());

    assertEquals(List.of(bot.resetNotice()), h.api.awaitTexts(1));
    assertTrue(h.dispatcher.drain(Duration.ofSeconds(10)));
    assertEquals(List.of(), h.store.inbox(KEY), "the signal is consumed");
    assertFalse(h.store.load(KEY).orElseThrow().data().contains("\"scene\""), "stored at the root");
    assertEquals(List.of(new FlowEvent.SessionReset("order", "not_decoded")), h.listener.events);
  }

  @Test
  void aSignalWithAHandlerToASessionThatStartsOverTellsItsUserBeforeTheHandlerReplies() throws Exception {
    h.store.commit(new Commit(KEY, 0, OLD_ORDER, Optional.empty(), "seed", Duration.ofHours(1)));
    String note = "{\"from\":\"" + SessionRef.named("desk").key() + "\",\"type\":\"" + Note.class.getName()
        + "\",\"payload\":{\"text\":\"hi\"}}";
    h.store.appendSignal(KEY, new InboxEntry("n:desk#mid:1#0", h.clock.instant(), note));

    assertEquals(1, poller.pollOnce());

    assertEquals(List.of(bot.resetNotice(), "noted hi"), h.api.awaitTexts(2));
    assertTrue(h.dispatcher.drain(Duration.ofSeconds(10)));
    assertEquals(List.of(new FlowEvent.SessionReset("order", "not_decoded")), h.listener.events);
  }

  @Test
  void aContinuationToASessionThatStartsOverTellsItsUser() throws Exception {
    h.store.commit(new Commit(KEY, 0, OLD_ORDER, Optional.empty(), "seed", Duration.ofHours(1)));
    String sent = "{\"from\":\"" + KEY + "\",\"type\":\"" + Continued.SENT_TYPE
        + "\",\"payload\":{\"name\":\"receipt\",\"mid\":\"m1\",\"chat\":10,\"time\":1}}";
    h.store.appendSignal(KEY, new InboxEntry(KEY + "#mid:1#0", h.clock.instant(), sent));

    assertEquals(1, poller.pollOnce());

    assertEquals(List.of(bot.resetNotice()), h.api.awaitTexts(1));
    assertTrue(h.dispatcher.drain(Duration.ofSeconds(10)));
    assertEquals(List.of(), h.store.inbox(KEY), "the outcome is consumed");
    assertEquals(List.of(new FlowEvent.SessionReset("order", "not_decoded")), h.listener.events);
  }

  @Test
  void aUserWhoseStoredSceneIsNotTextStillGetsAnAnswer() {
    h.store.commit(new Commit(KEY, 0, "{\"scene\":{\"id\":\"order\"},\"user\":1,\"chat\":10}",
        Optional.empty(), "seed", Duration.ofHours(1)));

    h.handle(text(1, 10, "hello"));

    assertEquals(List.of(bot.resetNotice(), "at the root"), h.texts(),
        "the session starts over at the root, and the user is told so");
  }

  @Test
  void anUpdateWhoseHandlerFailsOnASessionThatStartsOverTellsItsUserOnceThenApologizes() throws Exception {
    h.store.commit(new Commit(KEY, 0, OLD_ORDER, Optional.empty(), "seed", Duration.ofHours(1)));

    h.handle(text(1, 10, "/boom"));

    assertTrue(h.dispatcher.drain(Duration.ofSeconds(10)));
    assertEquals(List.of(bot.resetNotice(), bot.apology()), h.api.awaitTexts(2));
    assertEquals(List.of(new FlowEvent.SessionReset("order", "not_decoded")), h.listener.events);
  }
}
