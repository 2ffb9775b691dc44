package io.ttscenes.testkit.kit;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Context;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.Scene;
import io.ttscenes.api.SessionRef;
import io.ttscenes.api.keyboard.Keyboard;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A group vote kept in a named session: each member's press lands in the member's own session
 * (one per user in the chat), which answers it and sends the ballot as a signal to the poll's
 * session {@code poll:<chat>}; the poll alone keeps the tally, so presses at once all count. The
 * poll closes itself ten minutes after it opened and posts the result.
 */
final class PollBot {
  record Open(long chatId) {}

  record Ballot(long userId, String choice) {}

  record ShowResults() {}

  /** The poll's own data: its chat and each voter's choice by user id. */
  record Poll(long chatId, Map<String, String> votes) {
    Poll {
      votes = Map.copyOf(votes);
    }

    Poll with(Ballot ballot) {
      Map<String, String> changed = new HashMap<>(votes);
      changed.put(Long.toString(ballot.userId()), ballot.choice());
      return new Poll(chatId, changed);
    }

    String summary() {
      return "Tea: " + count("Tea") + ", Coffee: " + count("Coffee");
    }

    private long count(String choice) {
      return votes.values().stream().filter(choice::equals).count();
    }
  }

  private PollBot() {}

  static SessionRef poll(long chatId) {
    return SessionRef.named("poll:" + chatId);
  }

  static Bot create() {
    return Bot.builder("poll-bot")
        .scene(Scene.builder("poll", Poll.class)
            .onEnter(ctx -> ctx.sendToChat(ctx.data().chatId(), OutgoingMessage.text("Tea or coffee?")
                .keyboard(Keyboard.inline().withRow(Keyboard.callback("Tea", "vote:Tea"),
                    Keyboard.callback("Coffee", "vote:Coffee")))))
            .timeout(Duration.ofMinutes(10), ctx -> ctx.sendToChat(ctx.data().chatId(),
                OutgoingMessage.text("The vote is closed. " + ctx.data().summary())).leave())
            .onSignal(Ballot.class, (ctx, ballot) -> ctx.setData(ctx.data().with(ballot)))
            .onSignal(ShowResults.class, (ctx, show) ->
                ctx.sendToChat(ctx.data().chatId(), OutgoingMessage.text(ctx.data().summary())))
            .build())
        .root(r -> r
            .onSignal(Open.class, (ctx, open) -> ctx.enter("poll", new Poll(open.chatId(), Map.of())))
            .onSignal(Ballot.class, (ctx, ballot) -> ctx.sendToUser(ballot.userId(),
                OutgoingMessage.text("Sorry, that vote is closed.")))
            .onCommand("vote", ctx -> ctx.signal(poll(ctx.chatId().orElseThrow()), new Open(ctx.chatId().orElseThrow())))
            .onCommand("results", ctx -> ctx.signal(poll(ctx.chatId().orElseThrow()), new ShowResults()))
            .onCallbackPrefix("vote:", PollBot::vote))
        .build();
  }

  private static void vote(Context<?> ctx, String choice) {
    ctx.signal(poll(ctx.chatId().orElseThrow()), new Ballot(ctx.userId().orElseThrow(), choice))
        .answer("You voted " + choice);
  }
}
