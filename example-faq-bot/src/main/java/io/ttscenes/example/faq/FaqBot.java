package io.ttscenes.example.faq;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Context;
import io.ttscenes.api.Handlers;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.model.User;
import io.ttscenes.example.faq.catalog.FaqCatalog;
import io.ttscenes.example.faq.desk.SupportDesk;
import io.ttscenes.example.faq.search.FaqSearch;
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
    Bot.Builder bot = Bot.builder("faq-bot").milestones(Funnel.MILESTONES.toArray(String[]::new));
    // The desk's handlers go first: what operators write in their chat is the desk's alone.
    desk.ifPresent(d -> d.install(bot));
    return bot
        .sessionData(Profile.class, Profile::fresh)
        // Deep links the shop advertises: metrics and funnels name these, other payloads are "other".
        .campaigns(Funnel.declaredLinks())
        .scene(SupportScene.create(desk.isPresent()))
        .transitionsTo(SupportScene.ID)
        .global(g -> commands(g, menus))
        .global(g -> faqButtons(g, menus, catalog))
        .global(freeText::buttons)
        .root(r -> r.onText(freeText::question).fallback(ctx -> ctx.reply(menus.notUnderstood())))
        .build();
  }

  private static void commands(Handlers g, Menus menus) {
    g.onBotStarted(ctx -> {
      ctx.setSession(ctx.session(Profile.class).cameFrom(ctx.startPayload()));
      welcome(ctx, menus);
    })
        .onCommand("start", ctx -> welcome(ctx, menus))
        .onCommand("help", ctx -> ctx.reply(OutgoingMessage.text(Menus.help()).markdown()))
        .onCommand("faq", ctx -> ctx.reply(menus.topics(menus.locale(ctx))))
        .onCommand("support", SupportScene::start)
        .onCommand("cancel", ctx -> {
          if (ctx.sceneId().isPresent()) {
            ctx.reply("Cancelled; your ticket draft was discarded.").leave();
          } else {
            ctx.reply("There is nothing to cancel.");
          }
        });
  }

  /** FAQ browsing edits the message with the pressed button in place, in any scene. */
  private static void faqButtons(Handlers g, Menus menus, FaqCatalog catalog) {
    g.onCallback(Menus.MAIN, ctx -> ctx.answer(menus.main()))
        .onCallback(Menus.FAQ, ctx -> ctx.answer(menus.topics(menus.locale(ctx))))
        .onCallbackPrefix(Menus.TOPIC, (ctx, id) -> catalog.topic(id).ifPresentOrElse(
            topic -> ctx.answer(menus.topic(topic, menus.locale(ctx))), () -> outdated(ctx, menus)))
        .onCallbackPrefix(Menus.QUESTION, (ctx, id) -> catalog.question(id).ifPresentOrElse(
            question -> ctx.reached(Funnel.ANSWERED).answer(menus.answer(ctx, question)),
            () -> outdated(ctx, menus)))
        // Every "Ask a person" / "None of these: ask a person" button lands here.
        .onCallback(Menus.SUPPORT, ctx -> SupportScene.start(ctx.answer("Let's write to our support team")));
  }

  /** A button from an older version of the catalogue: say so and show the topics again. */
  private static void outdated(Context<?> ctx, Menus menus) {
    ctx.answer("That question is no longer in the FAQ", menus.topics(menus.locale(ctx)));
  }

  /** Back to the root, greeting the user by name: a fresh start from anywhere. */
  private static void welcome(Context<?> ctx, Menus menus) {
    Context<?> root = ctx.sceneId().isPresent() ? ctx.leave() : ctx;
    root.reply(menus.welcome(ctx.user().map(User::name).orElse("")));
  }
}
