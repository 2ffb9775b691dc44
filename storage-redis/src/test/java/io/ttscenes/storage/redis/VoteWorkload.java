package io.ttscenes.storage.redis;

import io.ttscenes.api.Bot;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.SessionRef;
import java.time.Duration;

/**
 * The bot of the reliability bars with every effect of issue 10 at once. A voter's {@code /vote}
 * signals its ballot to the named session {@code tally:<userId % TALLIES>}, schedules a nudge
 * (fires once), a reminder and an expiry (both an hour off), and replies with a continuation. The
 * continuation records the ballot's message id in the voter's session, reschedules the reminder to
 * fire soon and cancels the expiry. The tally counts the vote and tells the voter; {@code /totals}
 * asks every tally for its count. In a group chat, {@code /cheer} counts the member's cheers in
 * its own session and the chat's in chat-wide data, in one atomic commit, and replies with the
 * chat's new count. Public, with public payloads: a child JVM runs it too.
 */
public final class VoteWorkload {
  /** How many tally sessions share the votes. */
  public static final int TALLIES = 10;
  static final Duration SOON = Duration.ofMillis(300);
  static final Duration FAR = Duration.ofHours(1);

  /** A ballot from {@code userId} to the tally session {@code tally}. */
  public record Vote(long userId, String tally) {}

  /** Asks the tally {@code tally} to tell {@code userId} its count. */
  public record Report(long userId, String tally) {}

  /** Session data: a voter keeps its ballot's message id, a tally its vote count, a member its cheers. */
  public record Book(String ballotMid, long votes) {}

  /** Chat-wide data of a group: how many cheers its members sent. */
  public record Board(long cheers) {}

  private VoteWorkload() {}

  /** The tally session's name for a voter. */
  public static String tallyOf(long userId) {
    return "tally:" + Math.floorMod(userId, TALLIES);
  }

  /** The workload bot under the store name {@code name}. */
  public static Bot bot(String name) {
    return Bot.builder(name)
        .sessionData(Book.class, () -> new Book("", 0))
        .chatData(Board.class, () -> new Board(0))
        .root(root -> root
            .onCommand("vote", ctx -> {
              long voter = ctx.userId().orElseThrow();
              ctx.signal(SessionRef.named(tallyOf(voter)), new Vote(voter, tallyOf(voter)))
                  .schedule("nudge", SOON, null).schedule("remind", FAR, null).schedule("expire", FAR, null)
                  .reply("ballot taken").then("ballot");
            })
            .onSent("ballot", (ctx, sent) -> ctx.setSession(new Book(sent.messageId(), 0))
                .schedule("remind", SOON, null).cancel("expire").reply("recorded " + sent.messageId()))
            .onScheduled("nudge", ctx -> ctx.reply("nudge"))
            .onScheduled("remind", ctx -> ctx.reply("remind " + ctx.session(Book.class).ballotMid()))
            .onScheduled("expire", ctx -> ctx.reply("expired"))
            .onCommand("totals", ctx -> askTallies(ctx.userId().orElseThrow(), ctx))
            .onCommand("cheer", ctx -> {
              Board board = new Board(ctx.chatData(Board.class).cheers() + 1);
              Book own = ctx.session(Book.class);
              ctx.setSession(new Book(own.ballotMid(), own.votes() + 1)).setChatData(board)
                  .reply("cheer " + board.cheers());
            })
            .onSignal(Vote.class, (ctx, vote) -> {
              Book tally = ctx.session(Book.class);
              ctx.setSession(new Book("", tally.votes() + 1))
                  .sendToUser(vote.userId(), OutgoingMessage.text("counted by " + vote.tally()));
            })
            .onSignal(Report.class, (ctx, report) -> ctx.sendToUser(report.userId(),
                OutgoingMessage.text(report.tally() + " " + ctx.session(Book.class).votes()))))
        .build();
  }

  private static void askTallies(long userId, io.ttscenes.api.Context<?> ctx) {
    for (int i = 0; i < TALLIES; i++) {
      ctx.signal(SessionRef.named("tally:" + i), new Report(userId, "tally:" + i));
    }
  }
}
