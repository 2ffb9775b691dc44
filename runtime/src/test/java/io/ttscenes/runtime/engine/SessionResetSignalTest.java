package io.ttscenes.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.InboxEntry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A session whose stored data a deploy made unreadable, met first by a signal that runs no handler
 * (unreadable, or a repeat): it starts over all the same, and its user is told and it is counted.
 */
final class SessionResetSignalTest {
  private static final String KEY = "u:1:c:10";

  record Order(String product) {}

  private final Bot bot = Bot.builder("shop")
      .scene(Scene.builder("order", Order.class).onText(ctx -> { }).build())
      .root(r -> r.onText(ctx -> ctx.reply("at the root")))
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
}
