package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.SessionRef;
import io.ttscenes.api.store.InboxEntry;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signals from one session to another are handled in the sender's commit order, also when they
 * arrive together: the kit's clock is frozen, so every signal has the same delivery time. A desk
 * (a named session) sends a user's session numbered lines, in one turn and in consecutive turns
 * (jobs due at once); the user's session replies each line as it handles it, so the user reads them
 * in the order they were handled. Twelve lines: their ids sort apart from their order as text
 * ({@code #10} before {@code #2}), and the user's session, which sends a message per line, falls
 * behind the desk, so lines wait together in its inbox.
 */
final class SignalOrderKitTest {
  static final SessionRef DESK = SessionRef.named("order-desk");
  static final int LINES = 12;

  /** Asks the desk for {@code count} lines, sent in one turn, or in one turn each ({@code jobs}). */
  record Lines(SessionRef asker, int count, boolean jobs) {}

  record Line(SessionRef asker, int n) {}

  private final InMemorySessionStore store = InMemorySessionStore.create();

  @RegisterExtension
  final BotTester bot = BotTester.builder(orderBot()).store(store).build();

  static Bot orderBot() {
    return Bot.builder("signal-order").root(r -> {
      r.onSignal(Lines.class, (ctx, lines) -> {
        for (int n = 1; n <= lines.count(); n++) {
          if (lines.jobs()) {
            ctx.schedule("line-" + n, Duration.ofSeconds(1), new Line(lines.asker(), n));
          } else {
            ctx.signal(lines.asker(), new Line(lines.asker(), n));
          }
        }
      });
      for (int n = 1; n <= LINES; n++) {
        r.onScheduled("line-" + n, ctx -> {
          Line line = ctx.jobPayload(Line.class);
          ctx.signal(line.asker(), line);
        });
      }
      r.onSignal(Line.class, (ctx, line) -> ctx.reply("line " + line.n()));
      r.onCommand("hello", ctx -> ctx.reply("hi"));
      r.onCommand("lines", ctx -> ctx.signal(DESK, new Lines(ctx.self(), LINES, false)).reply("asked"));
      r.onCommand("jobs", ctx -> ctx.signal(DESK, new Lines(ctx.self(), LINES, true)).reply("asked"));
    }).build();
  }

  @Test
  void signalsSentInOneTurnAreHandledInTheOrderTheSenderRecordedThem() {
    TestUser ann = bot.user("Ann");
    ann.sends("/lines").expectReply("asked");
    for (int n = 1; n <= LINES; n++) {
      ann.expectReply("line " + n);
    }
    ann.expectNoMoreReplies();
  }

  @Test
  void signalsSentInConsecutiveTurnsAreHandledInCommitOrder() {
    TestUser bea = bot.user("Bea");
    bea.sends("/jobs").expectReply("asked");
    bot.awaitIdle();
    bot.advance(Duration.ofSeconds(2));
    for (int n = 1; n <= LINES; n++) {
      bea.expectReply("line " + n);
    }
    bea.expectNoMoreReplies();
  }

  /**
   * A rolling deploy: signals an instance of the release before put in the inbox carry no order
   * (that release wrote {@code from}, {@code type} and {@code payload} only). They wait beside new
   * ones from the same sender, all delivered at the same time: none is lost or handled twice, and
   * the new ones still go in their commit order.
   */
  @Test
  void signalsAnOlderReleaseDeliveredAreHandledBesideNewOnesAndNoneIsLost() {
    TestUser cid = bot.user("Cid");
    cid.sends("/hello").expectReply("hi");
    String asker = bot.sessionKey(cid);
    for (int n = 101; n <= 103; n++) {
      store.appendSignal(asker, new InboxEntry(DESK.key() + "#sig:old-" + n + "#0", bot.clock().instant(),
          "{\"from\":\"" + DESK.key() + "\",\"type\":\"" + Line.class.getName()
              + "\",\"payload\":{\"asker\":\"" + asker + "\",\"n\":" + n + "}}"));
    }

    cid.sends("/lines").expectReply("asked");
    // The lines' arrivals run one entry each; the timer the old entries set handles what is left.
    bot.advance(Duration.ofSeconds(1));
    List<Integer> lines = new ArrayList<>();
    for (int i = 0; i < LINES + 3; i++) {
      cid.expectReply(reply -> lines.add(Integer.parseInt(reply.text().substring("line ".length()))));
    }
    cid.expectNoMoreReplies();

    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
        lines.stream().filter(n -> n <= LINES).toList(), "the new lines in commit order: " + lines);
    assertEquals(List.of(101, 102, 103), lines.stream().filter(n -> n > LINES).toList(),
        "the older release's lines, each once, by id: " + lines);
    assertTrue(store.inbox(asker).isEmpty(), "nothing left waiting");
  }

  /**
   * The order only chooses which entry goes next: an entry whose order cannot be read (damaged,
   * or written otherwise by a later release) but whose sender, type and payload can is still a
   * signal, handled like one without an order (when it is the oldest), never dropped.
   */
  @Test
  void aSignalWhoseOrderCannotBeReadIsStillHandled() {
    TestUser dan = bot.user("Dan");
    dan.sends("/hello").expectReply("hi");
    String asker = bot.sessionKey(dan);
    String[] orders = {"{\"commit\":0,\"index\":0}", "{}", "\"soon\"", "{\"commit\":\"x\",\"index\":1}"};
    for (int i = 0; i < orders.length; i++) {
      int n = 201 + i;
      store.appendSignal(asker, new InboxEntry(DESK.key() + "#sig:odd-" + n + "#0", bot.clock().instant(),
          "{\"from\":\"" + DESK.key() + "\",\"type\":\"" + Line.class.getName()
              + "\",\"payload\":{\"asker\":\"" + asker + "\",\"n\":" + n + "},\"order\":" + orders[i] + "}"));
    }

    bot.advance(Duration.ofSeconds(1));
    for (int n = 201; n < 201 + orders.length; n++) {
      dan.expectReply("line " + n);
    }
    dan.expectNoMoreReplies();
    assertTrue(store.inbox(asker).isEmpty(), "nothing left waiting");
  }
}
