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
 * tally; each voter has one vote and may change it. It greets a chat by the title it reads with
 * GET /chats/{chatId} when added.
 */
final class VoteBot {
  /** The open vote of a chat: each voter's choice, by user id. */
  record Tally(Map<String, String> votes) {
    Tally {
      votes = Map.copyOf(votes);
    }

    Tally with(long userId, String choice) {
      Map<String, String> changed = new HashMap<>(votes);
      changed.put(Long.toString(userId), choice);
      return new Tally(changed);
    }

    long count(String choice) {
      return votes.values().stream().filter(choice::equals).count();
    }

    String summary() {
      return "Tea: " + count("Tea") + ", Coffee: " + count("Coffee");
    }
  }

  private static final Keyboard CHOICES = Keyboard.inline()
      .withRow(Keyboard.callback("Tea", "vote:Tea"), Keyboard.callback("Coffee", "vote:Coffee"));

  private VoteBot() {}

  static Bot create() {
    return Bot.builder("vote-bot")
        .sessionKey(SessionKeys.CHAT)
        .sessionData(Tally.class, () -> new Tally(Map.of()))
        .root(r -> r
            .onBotAdded(ctx -> ctx.reply("Hello, " + ctx.api().getChat(ctx.chatId().orElseThrow()).title()
                + "! Send /vote to start a vote."))
            .onCommand("vote", ctx -> ctx.setSession(new Tally(Map.of())).reply("Tea or coffee?", CHOICES))
            .onCommand("results", ctx -> ctx.reply(ctx.session(Tally.class).summary()))
            .onCallbackPrefix("vote:", VoteBot::vote))
        .build();
  }

  private static void vote(Context<?> ctx, String choice) {
    Tally tally = ctx.session(Tally.class).with(ctx.userId().orElseThrow(), choice);
    String mid = Updates.message(ctx.update()).orElseThrow().body().mid();
    ctx.setSession(tally).answer("You voted " + choice)
        .edit(mid, OutgoingMessage.text("Tea or coffee? " + tally.summary()).keyboard(CHOICES));
  }
}
