package io.ttscenes.testkit.kit;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Context;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.SessionKeys;
import io.ttscenes.api.Updates;
import io.ttscenes.api.keyboard.Keyboard;
import java.util.HashMap;
import java.util.Map;

/**
 * A vote bot for group chats: one session per chat, so every member's press counts in the same
 * tally; each voter has one vote and may change it. Each /vote opens a new poll whose buttons carry
 * its number, so presses on an older poll's buttons are turned away instead of counted. It greets
 * a chat by the title it reads with GET /chats/{chatId} when added.
 */
final class VoteBot {
  /** The chat's latest poll (0: none yet) and each voter's choice in it, by user id. */
  record Tally(int poll, Map<String, String> votes) {
    Tally {
      votes = Map.copyOf(votes);
    }

    Tally next() {
      return new Tally(poll + 1, Map.of());
    }

    Tally with(long userId, String choice) {
      Map<String, String> changed = new HashMap<>(votes);
      changed.put(Long.toString(userId), choice);
      return new Tally(poll, changed);
    }

    long count(String choice) {
      return votes.values().stream().filter(choice::equals).count();
    }

    String summary() {
      return "Tea: " + count("Tea") + ", Coffee: " + count("Coffee");
    }

    Keyboard choices() {
      return Keyboard.inline().withRow(Keyboard.callback("Tea", "vote:" + poll + ":Tea"),
          Keyboard.callback("Coffee", "vote:" + poll + ":Coffee"));
    }
  }

  private VoteBot() {}

  static Bot create() {
    return Bot.builder("vote-bot")
        .sessionKey(SessionKeys.CHAT)
        .sessionData(Tally.class, () -> new Tally(0, Map.of()))
        .root(r -> r
            .onBotAdded(ctx -> ctx.reply("Hello, " + ctx.api().getChat(ctx.chatId().orElseThrow()).title()
                + "! Send /vote to start a vote."))
            .onCommand("vote", ctx -> {
              Tally poll = ctx.session(Tally.class).next();
              ctx.setSession(poll).reply("Tea or coffee?", poll.choices());
            })
            .onCommand("results", ctx -> ctx.reply(ctx.session(Tally.class).summary()))
            .onCallbackPrefix("vote:", VoteBot::vote))
        .build();
  }

  /** Counts a press under the chat's latest poll; one under an older poll only gets an answer. */
  private static void vote(Context<?> ctx, String rest) {
    String[] parts = ctx.payload().split(":", 3);
    Tally current = ctx.session(Tally.class);
    if (parts.length != 3 || !parts[1].equals(Integer.toString(current.poll()))) {
      ctx.answer("This vote is closed; vote in the latest one.");
      return;
    }
    Tally tally = current.with(ctx.userId().orElseThrow(), parts[2]);
    String mid = Updates.message(ctx.update()).orElseThrow().body().mid();
    ctx.setSession(tally).answer("You voted " + parts[2])
        .edit(mid, OutgoingMessage.text("Tea or coffee? " + tally.summary()).keyboard(tally.choices()));
  }
}
