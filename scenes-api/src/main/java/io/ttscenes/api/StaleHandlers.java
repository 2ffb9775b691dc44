package io.ttscenes.api;

import io.ttscenes.api.model.MessageCallbackUpdate;

/** The default {@link StaleHandler}. */
final class StaleHandlers {
  static final String EXPIRED_BUTTON = "This button has expired.";
  static final String INVALID_LINK = "This link is not valid.";

  /**
   * Answers a stale button's press with "This button has expired." and, in a wizard, shows the
   * current step again (its prompt); replies "This link is not valid." to a refused start link.
   */
  static final StaleHandler DEFAULT = (ctx, stale) -> {
    if (stale.kind() == Stale.Kind.START_LINK) {
      ctx.reply(INVALID_LINK);
      return;
    }
    if (ctx.update() instanceof MessageCallbackUpdate) {
      ctx.answer(EXPIRED_BUTTON);
    }
    ctx.step().ifPresent(ctx::goTo);
  };

  private StaleHandlers() {}
}
