package io.ttscenes.example.votesurvey;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Context;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.Scene;
import io.ttscenes.api.SessionKeys;
import io.ttscenes.api.keyboard.Keyboard;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

public final class Vote {
  record Poll(String question, List<String> options, Map<Long, String> votes) {}

  record Choice(String option) {}

  public static Bot bot() {
    return Bot.builder("vote")
        .sessionKey(SessionKeys.CHAT) // one poll per group chat, shared by its members
        .scene(Scene.builder("poll", Poll.class)
            .onEnter(ctx -> ctx.reply(screen(ctx)))
            .onCallback(Choice.class, (ctx, choice) -> {
              Map<Long, String> votes = new HashMap<>(ctx.data().votes());
              votes.put(ctx.userId().orElseThrow(), choice.option());
              ctx.setData(new Poll(ctx.data().question(), ctx.data().options(), votes));
              ctx.answer("You voted " + choice.option(), screen(ctx));
            })
            .onCommand("close", ctx -> ctx.reply("Closed: " + tally(ctx.data())).leave())
            .build())
        .global(g -> g.onCommand("poll", ctx -> {
          List<String> parts = List.of(ctx.args().split("\\s*\\|\\s*"));
          ctx.enter("poll", new Poll(parts.get(0), parts.subList(1, parts.size()), Map.of()));
        }))
        .build();
  }

  private static OutgoingMessage screen(Context<Poll> ctx) {
    Keyboard buttons = Keyboard.inline();
    for (String option : ctx.data().options()) {
      buttons = buttons.withRow(ctx.button(option, new Choice(option)));
    }
    return OutgoingMessage.text(ctx.data().question() + " " + tally(ctx.data())).keyboard(buttons);
  }

  private static String tally(Poll poll) {
    Map<String, Long> counts = poll.votes().values().stream()
        .collect(Collectors.groupingBy(option -> option, Collectors.counting()));
    return poll.options().stream().map(o -> o + " " + counts.getOrDefault(o, 0L))
        .collect(Collectors.joining(", "));
  }
}
