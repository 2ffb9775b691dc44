package io.ttscenes.testkit.kit;

import io.ttscenes.api.Bot;
import io.ttscenes.api.i18n.Messages;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** Counts answers in the user's language (English and Russian): the kit's i18n bot. */
final class LinguaBot {
  static final Locale RU = Locale.forLanguageTag("ru");

  private LinguaBot() {}

  static Messages messages() {
    return Messages.builder(Locale.ENGLISH)
        .bundle(Locale.ENGLISH, Map.of(
            "answers", "{0, plural, one{# answer} other{# answers}}",
            "language", "Language: English",
            "reminder", "Still there?"))
        .resource(RU, "/lingua/ru.properties")
        .build();
  }

  static Bot create() {
    return Bot.builder("lingua-bot")
        .messages(messages())
        .scene(io.ttscenes.api.Scene.builder("waiting")
            .timeout(Duration.ofMinutes(5), ctx -> ctx.reply(ctx.t("reminder")).leave())
            .build())
        .root(r -> r
            .onCommand("count", ctx -> ctx.reply(ctx.t("answers", Integer.parseInt(ctx.args()))))
            // "/tell ru 2": the count in the language named, whatever the user's own (as for an operator).
            .onCommand("tell", ctx -> ctx.reply(ctx.t(Locale.forLanguageTag(ctx.args().split(" ")[0]), "answers",
                Integer.parseInt(ctx.args().split(" ")[1]))))
            .onCommand("lang", ctx -> ctx.setLocale(Locale.forLanguageTag(ctx.args())).reply(ctx.t("language")))
            .onCommand("wait", ctx -> ctx.enter("waiting")))
        .build();
  }
}
