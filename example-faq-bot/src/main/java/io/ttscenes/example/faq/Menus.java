package io.ttscenes.example.faq;

import io.ttscenes.api.Context;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.PayloadType;
import io.ttscenes.api.client.Markdown;
import io.ttscenes.api.keyboard.Keyboard;
import io.ttscenes.api.model.Intent;
import io.ttscenes.example.faq.catalog.FaqCatalog;
import java.util.List;
import java.util.Locale;

/**
 * The bot's menus as messages. FAQ screens are markdown: titles come from the catalogue, in the
 * user's locale, and are escaped; answers are the catalogue's own markdown. Stateless.
 */
final class Menus {
  static final String MAIN = "menu";
  static final String FAQ = "faq";
  static final String TOPIC = "faq:t:";
  static final String QUESTION = "faq:q:";
  static final String SUPPORT = "support";

  /** A question picked from the matches of a free-text question. */
  @PayloadType(tag = "pick")
  record Pick(String questionId) {}

  /** The answer to "Was this helpful?" under the answer to {@code questionId}. */
  @PayloadType(tag = "ok")
  record Helpful(String questionId, boolean yes) {}

  private final FaqCatalog catalog;

  Menus(FaqCatalog catalog) {
    this.catalog = catalog;
  }

  /** The catalogue locale for this user: their language when the catalogue has it. */
  Locale locale(Context<?> ctx) {
    return catalog.localeFor(ctx.locale());
  }

  OutgoingMessage welcome(String name) {
    String hello = name.isBlank() ? "Hello!" : "Hello, " + Markdown.escape(name) + "!";
    return OutgoingMessage.text(hello + " I answer common questions and pass yours to our support "
        + "team. Ask me anything, or send /help to see what I can do.").markdown().keyboard(mainKeyboard());
  }

  OutgoingMessage main() {
    return OutgoingMessage.text("How can I help?").keyboard(mainKeyboard());
  }

  OutgoingMessage notUnderstood() {
    return OutgoingMessage.text("Sorry, I did not understand that. Type your question, pick an option "
        + "or send /help.").keyboard(mainKeyboard());
  }

  OutgoingMessage topics(Locale locale) {
    Keyboard keyboard = Keyboard.inline();
    for (FaqCatalog.Topic topic : catalog.topics()) {
      keyboard = keyboard.withRow(Keyboard.callback(topic.title().in(locale), TOPIC + topic.id()));
    }
    keyboard = keyboard.withRow(Keyboard.callback("« Menu", MAIN));
    return OutgoingMessage.text("**Frequently asked questions**\nPick a topic:").markdown()
        .keyboard(keyboard);
  }

  OutgoingMessage topic(FaqCatalog.Topic topic, Locale locale) {
    Keyboard keyboard = Keyboard.inline();
    for (FaqCatalog.Question question : topic.questions()) {
      keyboard = keyboard.withRow(Keyboard.callback(question.question().in(locale), QUESTION + question.id()));
    }
    keyboard = keyboard.withRow(Keyboard.callback("« All topics", FAQ));
    return OutgoingMessage.text("**" + Markdown.escape(topic.title().in(locale)) + "**\nPick a question:")
        .markdown().keyboard(keyboard);
  }

  /** An answer with "Was this helpful?" and its Yes / No buttons. */
  OutgoingMessage answer(Context<?> ctx, FaqCatalog.Question question) {
    Keyboard keyboard = Keyboard.inline().withRow(
        ctx.button("Yes", new Helpful(question.id(), true), Intent.POSITIVE),
        ctx.button("No", new Helpful(question.id(), false)));
    return answerText(question, locale(ctx), "\n\nWas this helpful?").keyboard(withBack(keyboard, question, ctx));
  }

  /** The answer again once the user said whether it helped; "no" offers a person. */
  OutgoingMessage afterFeedback(Context<?> ctx, FaqCatalog.Question question, boolean helped) {
    Keyboard keyboard = helped ? Keyboard.inline() : Keyboard.inline()
        .withRow(Keyboard.callback("Ask a person", SUPPORT, Intent.POSITIVE));
    String footer = helped ? "\n\nThanks for your feedback!" : "\n\nSorry that did not help. Our team can answer you.";
    return answerText(question, locale(ctx), footer).keyboard(withBack(keyboard, question, ctx));
  }

  /** The best matches of a free-text question as buttons, and a way to a person. */
  OutgoingMessage found(Context<?> ctx, List<FaqCatalog.Question> questions) {
    Keyboard keyboard = Keyboard.inline();
    for (FaqCatalog.Question question : questions) {
      keyboard = keyboard.withRow(ctx.button(question.question().in(locale(ctx)), new Pick(question.id())));
    }
    return OutgoingMessage.text("Is your question one of these?")
        .keyboard(keyboard.withRow(Keyboard.callback("None of these: ask a person", SUPPORT, Intent.POSITIVE)));
  }

  OutgoingMessage nothingFound() {
    return OutgoingMessage.text("I found nothing about that in the FAQ.").keyboard(Keyboard.inline()
        .withRow(Keyboard.callback("Browse FAQ", FAQ))
        .withRow(Keyboard.callback("Ask a person", SUPPORT, Intent.POSITIVE)));
  }

  OutgoingMessage noWords() {
    return OutgoingMessage.text("Please type your question in words.").keyboard(mainKeyboard());
  }

  OutgoingMessage tooLong(int length, int limit) {
    return OutgoingMessage.text("Your question is " + length + " characters long; I search questions of up to "
        + limit + ". Please shorten it, or ask a person.")
        .keyboard(Keyboard.of(Keyboard.callback("Ask a person", SUPPORT, Intent.POSITIVE)));
  }

  static String help() {
    return "**What I can do**\n"
        + "Type a question and I look it up in the FAQ\n"
        + "/faq - browse answers to common questions\n"
        + "/support - write to our support team\n"
        + "/cancel - drop what you are doing\n"
        + "/help - this message";
  }

  private OutgoingMessage answerText(FaqCatalog.Question question, Locale locale, String footer) {
    return OutgoingMessage.text("**" + Markdown.escape(question.question().in(locale)) + "**\n\n"
        + question.answer().in(locale) + footer).markdown();
  }

  private Keyboard withBack(Keyboard keyboard, FaqCatalog.Question question, Context<?> ctx) {
    FaqCatalog.Topic topic = catalog.topicOf(question.id()).orElseThrow();
    return keyboard.withRow(Keyboard.callback("« " + topic.title().in(locale(ctx)), TOPIC + topic.id()));
  }

  private static Keyboard mainKeyboard() {
    return Keyboard.inline()
        .withRow(Keyboard.callback("Browse FAQ", FAQ))
        .withRow(Keyboard.callback("Contact support", SUPPORT, Intent.POSITIVE));
  }
}
