package io.ttscenes.testkit.kit;

import io.ttscenes.api.Bot;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.Scene;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bot that needs to know what it sent: a user's question is posted to the operators' group and
 * the user's session remembers that message's mid; a poll posted in a group edits itself as soon
 * as its mid is known; a daily digest finds out that its reader blocked the bot and stops.
 */
final class PostsBot {
  /** The operators' group chat, set by the test once the chat exists (a bot reads it from its config). */
  static final AtomicLong OPERATORS = new AtomicLong();

  /** What the user's session keeps of the messages sent for it. */
  record Reader(String ticketMid, Long ticketChat, String question, String pollMid, boolean unreachable,
      String refusal) {
    static Reader fresh() {
      return new Reader(null, null, null, null, false, null);
    }

    Reader withTicket(String mid, Long chat, String asked) {
      return new Reader(mid, chat, asked, pollMid, unreachable, refusal);
    }

    Reader withPoll(String mid) {
      return new Reader(ticketMid, ticketChat, question, mid, unreachable, refusal);
    }

    Reader unreachable(String why) {
      return new Reader(ticketMid, ticketChat, question, pollMid, true, why);
    }
  }

  /** The payload a ticket's continuation carries along: the question, not yet in the session. */
  record Question(String text) {}

  /** A draft kept in the compose scene. */
  record Draft(String text) {}

  /** A payload Jackson cannot write: its only property throws. */
  static final class Opaque {
    public String getValue() {
      throw new IllegalStateException("not today");
    }
  }

  private PostsBot() {}

  static Bot create() {
    return Bot.builder("posts-bot")
        .sessionData(Reader.class, Reader::fresh)
        .scene(compose())
        .global(g -> g
            .onSent("noted", (ctx, sent) -> ctx.reply("Noted as " + sent.messageId().length() + "-char mid.")))
        .root(r -> r
            .onCommand("support", ctx -> ctx.reply("Your question went to the operators.")
                .sendToChat(OPERATORS.get(), OutgoingMessage.text("Question from " + ctx.user().orElseThrow().name()
                    + ": " + ctx.args()))
                .then("ticketPosted", new Question(ctx.args())))
            .onSent("ticketPosted", (ctx, sent) -> ctx.setSession(ctx.session(Reader.class)
                .withTicket(sent.messageId(), sent.chatId().orElse(null),
                    ctx.continuationPayload(Question.class).text())))
            .onCommand("poll", ctx -> ctx.reply("Tea or coffee?").then("pollPosted"))
            .onSent("pollPosted", (ctx, sent) -> ctx.setSession(ctx.session(Reader.class).withPoll(sent.messageId()))
                .edit(sent.messageId(), OutgoingMessage.text("Tea or coffee? (poll " + sent.messageId() + ")")))
            .onCommand("digest", ctx -> ctx.reply("You will get a digest every day.")
                .schedule("digest", Duration.ofDays(1), null))
            .onScheduled("digest", ctx -> ctx.reply("Your daily digest.").then("digestSent")
                .schedule("digest", Duration.ofDays(1), null))
            .onSent("digestSent", (ctx, sent) -> { })
            .onSendFailed("digestSent", (ctx, failure) -> ctx.setSession(ctx.session(Reader.class)
                .unreachable(failure.status() + " " + failure.code())).cancel("digest"))
            .onCommand("compose", ctx -> ctx.enter("compose", new Draft("")))
            .onCommand("nameless", ctx -> ctx.reply("Never sent.").then("nobodyTakesThis"))
            .onCommand("opaque", ctx -> ctx.reply("Never sent.").then("ticketPosted", new Opaque()))
            .onCommand("bare", ctx -> ctx.then("ticketPosted"))
            .onCommand("ping", ctx -> ctx.reply("pong")))
        .build();
  }

  /** A scene whose own continuation can find the session gone back to the root. */
  private static Scene<Draft> compose() {
    return Scene.builder("compose", Draft.class)
        .onText(ctx -> ctx.reply("Sent: " + ctx.text()).then("draftSent").leave())
        .onCommand("note", ctx -> ctx.reply("Note: " + ctx.args()).then("noted").leave())
        .onSent("draftSent", (ctx, sent) -> ctx.setData(new Draft("sent as " + sent.messageId())))
        .build();
  }
}
