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
 * user's locale, and are escaped; answers are the catalogue's own markdown. The bot's own labels
 * come from its message bundles ({@code i18n/messages_*.properties}) in the user's locale. Stateless.
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

  OutgoingMessage welcome(Context<?> ctx, String name) {
    String hello = name.isBlank() ? ctx.t("menu.hello") : ctx.t("menu.hello-name", Markdown.escape(name));
    return OutgoingMessage.text(ctx.t("menu.welcome", hello)).markdown().keyboard(mainKeyboard(ctx));
  }

  OutgoingMessage main(Context<?> ctx) {
    return OutgoingMessage.text(ctx.t("menu.how")).keyboard(mainKeyboard(ctx));
  }

  OutgoingMessage notUnderstood(Context<?> ctx) {
    return OutgoingMessage.text(ctx.t("menu.not-understood")).keyboard(mainKeyboard(ctx));
  }

  /** The topics, titled in the catalogue's {@code locale}, labelled in the bot's locale of {@code ctx}. */
  OutgoingMessage topics(Context<?> ctx) {
    Locale locale = locale(ctx);
    Keyboard keyboard = Keyboard.inline();
    for (FaqCatalog.Topic topic : catalog.topics()) {
      keyboard = keyboard.withRow(Keyboard.callback(topic.title().in(locale), TOPIC + topic.id()));
    }
    keyboard = keyboard.withRow(Keyboard.callback(ctx.t("menu.back"), MAIN));
    return OutgoingMessage.text(ctx.t("menu.topics")).markdown().keyboard(keyboard);
  }

  OutgoingMessage topic(Context<?> ctx, FaqCatalog.Topic topic) {
    Locale locale = locale(ctx);
    Keyboard keyboard = Keyboard.inline();
    for (FaqCatalog.Question question : topic.questions()) {
      keyboard = keyboard.withRow(Keyboard.callback(question.question().in(locale), QUESTION + question.id()));
    }
    keyboard = keyboard.withRow(Keyboard.callback(ctx.t("menu.all-topics"), FAQ));
    return OutgoingMessage.text("**" + Markdown.escape(topic.title().in(locale)) + "**\n" + ctx.t("menu.pick-question"))
        .markdown().keyboard(keyboard);
  }

  /** An answer with "Was this helpful?" and its Yes / No buttons. */
  OutgoingMessage answer(Context<?> ctx, FaqCatalog.Question question) {
    Keyboard keyboard = Keyboard.inline().withRow(
        ctx.button(ctx.t("menu.yes"), new Helpful(question.id(), true), Intent.POSITIVE),
        ctx.button(ctx.t("menu.no"), new Helpful(question.id(), false)));
    return answerText(question, locale(ctx), "\n\n" + ctx.t("menu.helpful")).keyboard(withBack(keyboard, question, ctx));
  }

  /** The answer again once the user said whether it helped; "no" offers a person. */
  OutgoingMessage afterFeedback(Context<?> ctx, FaqCatalog.Question question, boolean helped) {
    Keyboard keyboard = helped ? Keyboard.inline() : Keyboard.inline()
        .withRow(Keyboard.callback(ctx.t("menu.ask-person"), SUPPORT, Intent.POSITIVE));
    String footer = "\n\n" + ctx.t(helped ? "menu.thanks-feedback" : "menu.sorry");
    return answerText(question, locale(ctx), footer).keyboard(withBack(keyboard, question, ctx));
  }

  /** The best matches of a free-text question as buttons, and a way to a person. */
  OutgoingMessage found(Context<?> ctx, List<FaqCatalog.Question> questions) {
    Keyboard keyboard = Keyboard.inline();
    for (FaqCatalog.Question question : questions) {
      keyboard = keyboard.withRow(ctx.button(question.question().in(locale(ctx)), new Pick(question.id())));
    }
    return OutgoingMessage.text(ctx.t("menu.found")).keyboard(keyboard.withRow(
        Keyboard.callback(ctx.t("menu.none-of-these"), SUPPORT, Intent.POSITIVE)));
  }

  OutgoingMessage nothingFound(Context<?> ctx) {
    return OutgoingMessage.text(ctx.t("menu.nothing")).keyboard(Keyboard.inline()
        .withRow(Keyboard.callback(ctx.t("menu.browse"), FAQ))
        .withRow(Keyboard.callback(ctx.t("menu.ask-person"), SUPPORT, Intent.POSITIVE)));
  }

  OutgoingMessage noWords(Context<?> ctx) {
    return OutgoingMessage.text(ctx.t("menu.no-words")).keyboard(mainKeyboard(ctx));
  }

  OutgoingMessage tooLong(Context<?> ctx, int length, int limit) {
    // Numbers as text: ICU would group them ("3,001"); the third argument picks the plural form.
    return OutgoingMessage.text(ctx.t("menu.too-long", String.valueOf(length), String.valueOf(limit), length))
        .keyboard(Keyboard.of(Keyboard.callback(ctx.t("menu.ask-person"), SUPPORT, Intent.POSITIVE)));
  }

  static OutgoingMessage help(Context<?> ctx) {
    return OutgoingMessage.text(ctx.t("menu.help")).markdown();
  }

  private OutgoingMessage answerText(FaqCatalog.Question question, Locale locale, String footer) {
    return OutgoingMessage.text("**" + Markdown.escape(question.question().in(locale)) + "**\n\n"
        + question.answer().in(locale) + footer).markdown();
  }

  private Keyboard withBack(Keyboard keyboard, FaqCatalog.Question question, Context<?> ctx) {
    FaqCatalog.Topic topic = catalog.topicOf(question.id()).orElseThrow();
    return keyboard.withRow(Keyboard.callback("« " + topic.title().in(locale(ctx)), TOPIC + topic.id()));
  }

  private static Keyboard mainKeyboard(Context<?> ctx) {
    return Keyboard.inline()
        .withRow(Keyboard.callback(ctx.t("menu.browse"), FAQ))
        .withRow(Keyboard.callback(ctx.t("menu.contact"), SUPPORT, Intent.POSITIVE));
  }
}
