package io.ttscenes.example.faq.desk;

import io.ttscenes.api.Context;
import java.util.Locale;
import java.util.Objects;

/**
 * The language of what the desk writes in the operators' chat: the acting operator's, as their
 * own updates reported it (button presses carry it; group messages do not), else the desk's
 * {@code fallback}. Sessions other than the operator's get the operator's language tag in the
 * signal they receive ("" when unknown). The texts are the bot's {@code desk.op.*} messages.
 *
 * @param fallback the language of posts no operator prompted (a new ticket, a reminder), and of
 *     operators whose language is not known yet; {@link Locale#ROOT} for the bot's fallback
 */
record OperatorsLanguage(Locale fallback) {
  OperatorsLanguage {
    Objects.requireNonNull(fallback, "fallback");
  }

  /** The tag of the language of the operator whose own update {@code ctx} handles, or "". */
  static String of(Context<?> ctx) {
    return ctx.locale().map(Locale::toLanguageTag).orElse("");
  }

  /** Message {@code key} in the language of tag {@code operator}, or in the fallback when it is "". */
  String in(Context<?> ctx, String operator, String key, Object... args) {
    return ctx.t(operator.isBlank() ? fallback : Locale.forLanguageTag(operator), key, args);
  }

  /** Message {@code key} in the language of the operator whose own update {@code ctx} handles. */
  String t(Context<?> ctx, String key, Object... args) {
    return in(ctx, of(ctx), key, args);
  }
}
