package io.ttscenes.example.faq;

import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.client.Markdown;
import io.ttscenes.api.keyboard.Keyboard;
import io.ttscenes.api.model.Intent;

/**
 * The bot's menus as messages. FAQ screens are markdown: titles come from the catalog and are
 * escaped, answers are the catalog's own markdown. Stateless.
 */
final class Menus {
  static final String MAIN = "menu";
  static final String FAQ = "faq";
  static final String TOPIC = "faq:t:";
  static final String QUESTION = "faq:q:";
  static final String SUPPORT = "support";

  private final FaqCatalog catalog;

  Menus(FaqCatalog catalog) {
    this.catalog = catalog;
  }

  OutgoingMessage welcome(String name) {
    String hello = name.isBlank() ? "Hello!" : "Hello, " + Markdown.escape(name) + "!";
    return OutgoingMessage.text(hello + " I answer common questions and pass yours to our support "
        + "team. Send /help to see what I can do.").markdown().keyboard(mainKeyboard());
  }

  OutgoingMessage main() {
    return OutgoingMessage.text("How can I help?").keyboard(mainKeyboard());
  }

  OutgoingMessage notUnderstood() {
    return OutgoingMessage.text("Sorry, I did not understand that. Pick an option or send /help.")
        .keyboard(mainKeyboard());
  }

  OutgoingMessage topics() {
    Keyboard keyboard = Keyboard.inline();
    for (FaqCatalog.Topic topic : catalog.topics()) {
      keyboard = keyboard.withRow(Keyboard.callback(topic.title(), TOPIC + topic.id()));
    }
    keyboard = keyboard.withRow(Keyboard.callback("« Menu", MAIN));
    return OutgoingMessage.text("**Frequently asked questions**\nPick a topic:").markdown()
        .keyboard(keyboard);
  }

  OutgoingMessage topic(FaqCatalog.Topic topic) {
    Keyboard keyboard = Keyboard.inline();
    for (FaqCatalog.Question question : topic.questions()) {
      keyboard = keyboard.withRow(Keyboard.callback(question.question(), QUESTION + question.id()));
    }
    keyboard = keyboard.withRow(Keyboard.callback("« All topics", FAQ));
    return OutgoingMessage.text("**" + Markdown.escape(topic.title()) + "**\nPick a question:")
        .markdown().keyboard(keyboard);
  }

  OutgoingMessage answer(FaqCatalog.Topic topic, FaqCatalog.Question question) {
    Keyboard keyboard = Keyboard.inline()
        .withRow(Keyboard.callback("« " + topic.title(), TOPIC + topic.id()))
        .withRow(Keyboard.callback("Still need help? Contact support", SUPPORT, Intent.POSITIVE));
    return OutgoingMessage.text("**" + Markdown.escape(question.question()) + "**\n\n"
        + question.answer()).markdown().keyboard(keyboard);
  }

  static String help() {
    return "**What I can do**\n"
        + "/faq - browse answers to common questions\n"
        + "/support - write to our support team\n"
        + "/cancel - drop what you are doing\n"
        + "/help - this message";
  }

  private static Keyboard mainKeyboard() {
    return Keyboard.inline()
        .withRow(Keyboard.callback("Browse FAQ", FAQ))
        .withRow(Keyboard.callback("Contact support", SUPPORT, Intent.POSITIVE));
  }
}
