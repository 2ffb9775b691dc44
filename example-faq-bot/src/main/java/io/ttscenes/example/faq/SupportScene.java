package io.ttscenes.example.faq;

import io.ttscenes.api.Context;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.Scene;
import io.ttscenes.api.Updates;
import io.ttscenes.api.client.Markdown;
import io.ttscenes.api.keyboard.Keyboard;
import io.ttscenes.api.model.ContactAttachment;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "contact support" wizard: the question as one message, then a phone number (shared with a
 * request-contact button) or "answer here", then a confirmation with the ticket number. A draft
 * left alone for {@link #IDLE} is dropped, and the user is told so.
 */
final class SupportScene {
  static final String ID = "support";
  static final Duration IDLE = Duration.ofMinutes(15);
  static final int MAX_QUESTION = 2000;
  static final String ANSWER_HERE = "support:here";
  private static final Pattern TEL = Pattern.compile("(?m)^TEL[^:\\r\\n]*:([^\\r\\n]+)");

  /**
   * The ticket being written (the scene's data).
   *
   * @param question the user's question, or null before it was asked
   */
  record Draft(String question) {}

  private SupportScene() {}

  static Scene<Draft> create() {
    return Scene.builder(ID, Draft.class)
        .initialData(() -> new Draft(null))
        .step("question", step -> step
            .prompt(ctx -> ctx.reply("Please describe your problem in one message. "
                + "Send /cancel to stop."))
            .onText(SupportScene::question)
            .fallback(ctx -> ctx.reply("Please type your question as text.")))
        .step("contact", step -> step
            .prompt(ctx -> ctx.reply("How should our team reach you?", Keyboard.inline()
                .withRow(Keyboard.requestContact("Share my phone number"))
                .withRow(Keyboard.callback("Answer me here in the chat", ANSWER_HERE))))
            .onContact(ctx -> finish(ctx, phone(ctx)))
            .onCallback(ANSWER_HERE, ctx -> finish(ctx.answer("We will answer in this chat"),
                Optional.empty()))
            .fallback(ctx -> ctx.reply("Please use one of the buttons above, or /cancel.")))
        .timeout(IDLE, ctx -> ctx.reply("Your ticket draft was dropped after "
            + IDLE.toMinutes() + " minutes without an answer. Send /support to start again.")
            .leave())
        .build();
  }

  private static void question(Context<Draft> ctx) {
    String text = ctx.text().strip();
    if (text.length() > MAX_QUESTION) {
      ctx.reply("That is " + text.length() + " characters; please keep it under " + MAX_QUESTION + ".");
      return;
    }
    ctx.setData(new Draft(text)).next();
  }

  private static void finish(Context<Draft> ctx, Optional<String> phone) {
    Profile profile = ctx.session(Profile.class).withTicket();
    String ticket = "SUP-" + ctx.userId().orElse(0L) + "-" + profile.tickets();
    StringBuilder text = new StringBuilder()
        .append("**Ticket ").append(ticket).append(" is open.**\n")
        .append("Your question: ").append(Markdown.escape(ctx.data().question())).append('\n')
        .append(phone.map(p -> "We will call you at " + Markdown.escape(p) + ".")
            .orElse("We will answer here in this chat."));
    if (!profile.campaign().isEmpty()) {
      text.append("\nSource: ").append(Markdown.escape(profile.campaign()));
    }
    ctx.setSession(profile).reply(OutgoingMessage.text(text.toString()).markdown()).leave();
  }

  /** The phone number of a shared contact: its vCard's TEL line. */
  private static Optional<String> phone(Context<Draft> ctx) {
    return Updates.attachments(ctx.update()).stream()
        .filter(ContactAttachment.class::isInstance).map(ContactAttachment.class::cast)
        .map(contact -> contact.payload().vcfInfo()).filter(vcf -> vcf != null)
        .map(TEL::matcher).filter(Matcher::find).map(m -> m.group(1).strip()).findFirst();
  }
}
