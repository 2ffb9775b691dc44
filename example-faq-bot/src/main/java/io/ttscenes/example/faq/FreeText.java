package io.ttscenes.example.faq;

import io.ttscenes.api.Context;
import io.ttscenes.api.Handlers;
import io.ttscenes.example.faq.catalog.FaqCatalog;
import io.ttscenes.example.faq.search.FaqSearch;
import io.ttscenes.example.faq.search.SearchResult;

/**
 * Free-text questions answered from the FAQ: the best matches as buttons (and "none of these: ask
 * a person"), the picked answer with "Was this helpful?", and the feedback counted as milestones.
 */
final class FreeText {
  /** Matches offered as buttons for one question. */
  static final int MATCHES = 3;

  private final FaqCatalog catalog;
  private final FaqSearch search;
  private final Menus menus;

  FreeText(FaqCatalog catalog, FaqSearch search, Menus menus) {
    this.catalog = catalog;
    this.search = search;
    this.menus = menus;
  }

  /** The picked-answer and feedback buttons, which work in any scene like the FAQ browser. */
  void buttons(Handlers g) {
    g.onCallback(Menus.Pick.class, (ctx, pick) -> catalog.question(pick.questionId()).ifPresentOrElse(
            question -> ctx.reached(Funnel.ANSWERED).answer(menus.answer(ctx, question)),
            () -> outdated(ctx)))
        .onCallback(Menus.Helpful.class, (ctx, helpful) -> catalog.question(helpful.questionId()).ifPresentOrElse(
            question -> ctx.reached(helpful.yes() ? Funnel.HELPFUL : Funnel.NOT_HELPFUL)
                .answer(menus.afterFeedback(ctx, question, helpful.yes())),
            () -> outdated(ctx)));
  }

  /**
   * A message typed at the root of a dialog: searched in the FAQ. Text in a group chat is people
   * talking to each other, not to the bot: no answer there.
   */
  void question(Context<?> ctx) {
    if (!ctx.isDialog()) {
      return;
    }
    SearchResult result = search.search(ctx.text(), MATCHES);
    if (result instanceof SearchResult.Found found) {
      ctx.reached(Funnel.ASKED).reply(menus.found(ctx, found.questions()));
    } else if (result instanceof SearchResult.TooLong tooLong) {
      ctx.reply(menus.tooLong(ctx, tooLong.length(), tooLong.limit()));
    } else if (result instanceof SearchResult.NoWords) {
      ctx.reply(menus.noWords(ctx));
    } else {
      ctx.reply(menus.nothingFound(ctx));
    }
  }

  /** A button from an older version of the catalogue: say so and show the topics again. */
  private void outdated(Context<?> ctx) {
    ctx.answer(ctx.t("menu.outdated"), menus.topics(ctx));
  }
}
