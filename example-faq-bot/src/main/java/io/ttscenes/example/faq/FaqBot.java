package io.ttscenes.example.faq;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Context;
import io.ttscenes.api.Handlers;
import io.ttscenes.api.Scene;
import io.ttscenes.api.i18n.Messages;
import io.ttscenes.api.model.User;
import io.ttscenes.example.faq.catalog.FaqCatalog;
import io.ttscenes.example.faq.desk.SupportDesk;
import io.ttscenes.example.faq.search.FaqSearch;
import java.util.Locale;
import java.util.Optional;

/**
 * The support bot's conversation design: global commands ({@code /start}, {@code /help},
 * {@code /faq}, {@code /support}, {@code /cancel}) and FAQ buttons that work everywhere, free-text
 * questions answered by searching the FAQ, the hand-off to the operators of a
 * {@link io.ttscenes.example.faq.desk.SupportDesk} (scene {@code support}), and the {@code ref_}
 * deep-link campaign kept in the user's {@link Profile}.
 */
public final class FaqBot {
  private FaqBot() {}

  /**
   * The bot answering from the FAQ file {@code FAQ_FILE} names, or the sample shop's FAQ. Throws
   * {@link io.ttscenes.example.faq.catalog.FaqFileException} naming the line of a broken file.
   */
  public static Bot create() {
    return create(FaqCatalog.fromEnvironment(System.getenv()));
  }

  /** The bot answering from {@code catalog}, without operators: {@code /support} says so. */
  public static Bot create(FaqCatalog catalog) {
    return create(catalog, Optional.empty());
  }

  /** The bot answering from {@code catalog} whose tickets go to {@code desk}'s operators' chat. */
  public static Bot create(FaqCatalog catalog, SupportDesk desk) {
    return create(catalog, Optional.of(desk));
  }

  private static Bot create(FaqCatalog catalog, Optional<SupportDesk> desk) {
    Menus menus = new Menus(catalog);
    FreeText freeText = new FreeText(catalog, FaqSearch.of(catalog), menus);
    // Milestones first: their order is the funnel's, and the desk declares its own again.
    Bot.Builder bot = Bot.builder("faq-bot").milestones(Funnel.MILESTONES.toArray(String[]::new))
        .messages(messages());
    // The desk's handlers go first: what operators write in their chat is the desk's alone. The desk adds
    // the support scene itself, knowing it by this object rather than by its name.
    Scene<SupportScene.Draft> support = SupportScene.create(desk.isPresent());
    desk.ifPresentOrElse(d -> d.install(bot, support), () -> bot.scene(support));
    return bot
        .sessionData(Profile.class, Profile::fresh)
        // Deep links the shop advertises: metrics and funnels name these, other payloads are "other".
        .campaigns(Funnel.declaredLinks())
        .transitionsTo(SupportScene.ID)
        .global(g -> commands(g, menus))
        .global(g -> faqButtons(g, menus, catalog))
        .global(freeText::buttons)
        .global(SupportScene::lateFollowUps)
        // Free text and anything else at the root are answered in a dialog only: other group chats the bot
        // is in (not the operators', whose messages the desk takes first) are people talking to each other.
        .root(r -> r.onText(freeText::question).fallback(ctx -> {
          if (ctx.isDialog()) {
            ctx.reply(menus.notUnderstood(ctx));
          }
        }))
        .build();
  }

  /** The bot's own texts (not the FAQ's): English, the fallback, and Russian. */
  static Messages messages() {
    return Messages.builder(Locale.ENGLISH)
        .resource(Locale.ENGLISH, "io/ttscenes/example/faq/i18n/messages_en.properties")
        .resource(Locale.forLanguageTag("ru"), "io/ttscenes/example/faq/i18n/messages_ru.properties")
        .build();
  }

  private static void commands(Handlers g, Menus menus) {
    g.onBotStarted(ctx -> {
      ctx.setSession(ctx.session(Profile.class).cameFrom(ctx.startPayload()));
      welcome(ctx, menus);
    })
        .onCommand("start", ctx -> welcome(ctx, menus))
        .onCommand("help", ctx -> ctx.reply(Menus.help(ctx)))
        .onCommand("faq", ctx -> ctx.reply(menus.topics(ctx)))
        .onCommand("support", SupportScene::start)
        .onCommand("cancel", ctx -> {
          if (ctx.sceneId().isPresent()) {
            ctx.reply(ctx.t("menu.cancelled")).leave();
          } else {
            ctx.reply(ctx.t("menu.nothing-to-cancel"));
          }
        });
  }

  /** FAQ browsing edits the message with the pressed button in place, in any scene. */
  private static void faqButtons(Handlers g, Menus menus, FaqCatalog catalog) {
    g.onCallback(Menus.MAIN, ctx -> ctx.answer(menus.main(ctx)))
        .onCallback(Menus.FAQ, ctx -> ctx.answer(menus.topics(ctx)))
        .onCallbackPrefix(Menus.TOPIC, (ctx, id) -> catalog.topic(id).ifPresentOrElse(
            topic -> ctx.answer(menus.topic(ctx, topic)), () -> outdated(ctx, menus)))
        .onCallbackPrefix(Menus.QUESTION, (ctx, id) -> catalog.question(id).ifPresentOrElse(
            question -> ctx.reached(Funnel.ANSWERED).answer(menus.answer(ctx, question)),
            () -> outdated(ctx, menus)))
        // Every "Ask a person" / "None of these: ask a person" button lands here.
        .onCallback(Menus.SUPPORT, ctx -> SupportScene.start(ctx.answer(ctx.t("menu.to-support"))));
  }

  /** A button from an older version of the catalogue: say so and show the topics again. */
  private static void outdated(Context<?> ctx, Menus menus) {
    ctx.answer(ctx.t("menu.outdated"), menus.topics(ctx));
  }

  /** Back to the root, greeting the user by name: a fresh start from anywhere. */
  private static void welcome(Context<?> ctx, Menus menus) {
    Context<?> root = ctx.sceneId().isPresent() ? ctx.leave() : ctx;
    root.reply(menus.welcome(ctx, ctx.user().map(User::name).orElse("")));
  }
}
