package io.ttscenes.example.faq;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Context;
import io.ttscenes.api.Handlers;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.model.User;
import io.ttscenes.example.faq.desk.SupportDesk;
import java.util.Optional;

/**
 * The support bot's conversation design: global commands ({@code /start}, {@code /help},
 * {@code /faq}, {@code /support}, {@code /cancel}) and FAQ buttons that work everywhere, the
 * support wizard as a scene, and the deep-link campaign kept in the session.
 */
public final class FaqBot {
  private FaqBot() {}

  /** The bot with the example shop's FAQ. */
  public static Bot create() {
    return create(FaqCatalog.shop());
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
    Bot.Builder bot = Bot.builder("faq-bot");
    // The desk's handlers go first: what operators write in their chat is the desk's alone.
    desk.ifPresent(d -> d.install(bot));
    return bot
        .sessionData(Profile.class, Profile::fresh)
        // Deep links the shop advertises: metrics and funnels name these, other payloads are "other".
        .campaigns("promo42", "spring-sale")
        .scene(SupportScene.create(desk.isPresent()))
        .transitionsTo(SupportScene.ID)
        .global(g -> commands(g, menus))
        .global(g -> faqButtons(g, menus, catalog))
        .root(r -> r.fallback(ctx -> ctx.reply(menus.notUnderstood())))
        .build();
  }

  private static void commands(Handlers g, Menus menus) {
    g.onBotStarted(ctx -> {
      ctx.setSession(ctx.session(Profile.class).cameFrom(ctx.startPayload()));
      welcome(ctx, menus);
    })
        .onCommand("start", ctx -> welcome(ctx, menus))
        .onCommand("help", ctx -> ctx.reply(OutgoingMessage.text(Menus.help()).markdown()))
        .onCommand("faq", ctx -> ctx.reply(menus.topics()))
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
    g.onCallback(Menus.MAIN, ctx -> show(ctx, menus.main()))
        .onCallback(Menus.FAQ, ctx -> show(ctx, menus.topics()))
        .onCallbackPrefix(Menus.TOPIC, (ctx, id) -> catalog.topic(id)
            .ifPresentOrElse(topic -> show(ctx, menus.topic(topic)), () -> outdated(ctx, menus)))
        .onCallbackPrefix(Menus.QUESTION, (ctx, id) -> {
          catalog.question(id).ifPresentOrElse(
              question -> show(ctx, menus.answer(catalog.topicOf(id).orElseThrow(), question)),
              () -> outdated(ctx, menus));
        })
        .onCallback(Menus.SUPPORT, ctx -> SupportScene.start(ctx.answer("Let's write to our support team")));
  }

  private static void show(Context<?> ctx, OutgoingMessage screen) {
    ctx.answer(screen);
  }

  /** A button from an older version of the catalog: say so and show the topics again. */
  private static void outdated(Context<?> ctx, Menus menus) {
    ctx.answer("That question is no longer in the FAQ", menus.topics());
  }

  /** Back to the root, greeting the user by name: a fresh start from anywhere. */
  private static void welcome(Context<?> ctx, Menus menus) {
    Context<?> root = ctx.sceneId().isPresent() ? ctx.leave() : ctx;
    root.reply(menus.welcome(ctx.user().map(User::name).orElse("")));
  }
}
