package io.ttscenes.testkit.kit;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A group quiz: each member's own score lives in their session, the chat's leaderboard in the
 * chat data, and one answer changes both in one commit. {@link #withoutBoard} is the same bot as
 * it was before it had a leaderboard (scores only), for the deploy that adds one.
 */
final class ChatQuizBot {
  /** A member's own score. */
  record Score(int points) {}

  /** The chat's leaderboard: points by member name. */
  record Board(Map<String, Integer> points) {
    Board plus(String name) {
      Map<String, Integer> next = new LinkedHashMap<>(points);
      next.merge(name, 1, Integer::sum);
      return new Board(next);
    }

    String text() {
      if (points.isEmpty()) {
        return "Leaderboard: nobody scored yet";
      }
      return "Leaderboard: " + points.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
  }

  private ChatQuizBot() {}

  static Bot create() {
    return Bot.builder("chat-quiz")
        .sessionData(Score.class, () -> new Score(0))
        .chatData(Board.class, () -> new Board(Map.of()))
        .onException(IllegalStateException.class, (ctx, e) -> ctx.reply(e.getMessage()))
        .root(r -> r
            .onCommand("board", ctx -> ctx.reply(ctx.chatData(Board.class).text()))
            .onText(text -> text.equals("4"), ctx -> answer(ctx, true))
            .onText(ctx -> answer(ctx, false)))
        .build();
  }

  static Bot withoutBoard() {
    return Bot.builder("chat-quiz")
        .sessionData(Score.class, () -> new Score(0))
        .root(r -> r.onText(text -> text.equals("4"), ctx -> {
          Score score = new Score(ctx.session(Score.class).points() + 1);
          ctx.setSession(score).reply("Right! Your score: " + score.points());
        }))
        .build();
  }

  private static void answer(Context<?> ctx, boolean right) {
    String name = ctx.user().orElseThrow().name();
    Score score = ctx.session(Score.class);
    if (right) {
      score = new Score(score.points() + 1);
      ctx.setSession(score).setChatData(ctx.chatData(Board.class).plus(name));
    }
    ctx.reply((right ? "Right, " : "Not quite, ") + name + "! Your score: " + score.points());
  }
}
