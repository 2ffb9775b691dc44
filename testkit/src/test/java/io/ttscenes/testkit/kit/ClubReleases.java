package io.ttscenes.testkit.kit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ttscenes.api.Bot;
import io.ttscenes.api.Prompt;
import io.ttscenes.api.Scene;
import io.ttscenes.api.i18n.Messages;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Releases of one club bot whose stored data changes shape between deploys: a join wizard (name,
 * then age) and a visit counter kept in session data. Release 2 renames {@code name} to
 * {@code fullName} and {@code visits} to {@code visitCount}; release 3 adds {@code city}.
 */
final class ClubReleases {
  record JoinV1(String name) {}

  record JoinV2(String fullName) {}

  record JoinV3(String fullName, String city) {}

  record VisitsV1(int visits) {}

  record VisitsV2(int visitCount) {}

  /** Renames field {@code from} to {@code to} in a stored tree. */
  static UnaryOperator<ObjectNode> rename(String from, String to) {
    return node -> {
      node.set(to, node.remove(from));
      return node;
    };
  }

  private ClubReleases() {}

  /** The first release: no versions declared. */
  static Bot v1() {
    return Bot.builder("club")
        .scene(Scene.builder("join", JoinV1.class)
            .step("name", s -> s.ask(Prompt.text("Your name?"), (ctx, v) -> ctx.setData(new JoinV1(v)).next()))
            .step("age", s -> s.ask(Prompt.text("Your age?"),
                (ctx, v) -> ctx.reply("Welcome, " + ctx.data().name() + " (" + v + ")").leave()))
            .build())
        .sessionData(VisitsV1.class, () -> new VisitsV1(0))
        .root(r -> r.onCommand("join", ctx -> ctx.enter("join", new JoinV1(null)))
            .onCommand("visit", ctx -> {
              VisitsV1 next = new VisitsV1(ctx.session(VisitsV1.class).visits() + 1);
              ctx.setSession(next).reply("Visit " + next.visits());
            })
            .onText(ctx -> ctx.reply("Send /join.")))
        .build();
  }

  /** Release 2 with its renames, with or without the migrations from release 1 of scene and session data. */
  static Bot v2(boolean migratesScene, boolean migratesSession) {
    return v2(migratesSession, join -> migratesScene ? join.dataVersion(2).migrate(1, rename("name", "fullName"))
        : join).build();
  }

  /**
   * Release 2 whose join scene is configured by {@code scene} (its data version and migrations);
   * {@code migratesSession}: with the session data's migration from release 1.
   */
  static Bot.Builder v2(boolean migratesSession, UnaryOperator<Scene.Builder<JoinV2>> scene) {
    Scene.Builder<JoinV2> join = Scene.builder("join", JoinV2.class)
        .step("name", s -> s.ask(Prompt.text("Your name?"), (ctx, v) -> ctx.setData(new JoinV2(v)).next()))
        .step("age", s -> s.ask(Prompt.text("Your age?"),
            (ctx, v) -> ctx.reply("Welcome, " + ctx.data().fullName() + " (" + v + ")").leave()));
    Bot.Builder bot = Bot.builder("club");
    if (migratesSession) {
      bot.sessionDataVersion(2).migrateSessionData(1, rename("visits", "visitCount"));
    }
    return bot.scene(scene.apply(join).build())
        .sessionData(VisitsV2.class, () -> new VisitsV2(0))
        .root(r -> r.onCommand("join", ctx -> ctx.enter("join", new JoinV2(null)))
            .onCommand("visit", ctx -> {
              VisitsV2 next = new VisitsV2(ctx.session(VisitsV2.class).visitCount() + 1);
              ctx.setSession(next).reply("Visit " + next.visitCount());
            })
            .onText(ctx -> ctx.reply("Send /join.")));
  }

  /** Release 3: data version 3, migrations chained from 1 and from 2. */
  static Bot v3() {
    return Bot.builder("club")
        .scene(Scene.builder("join", JoinV3.class)
            .dataVersion(3)
            .migrate(1, rename("name", "fullName"))
            .migrate(2, node -> node.put("city", "unknown"))
            .step("name", s -> s.ask(Prompt.text("Your name?"),
                (ctx, v) -> ctx.setData(new JoinV3(v, "Riga")).next()))
            .step("age", s -> s.ask(Prompt.text("Your age?"), (ctx, v) -> ctx.reply(
                "Welcome, " + ctx.data().fullName() + " from " + ctx.data().city() + " (" + v + ")").leave()))
            .build())
        .root(r -> r.onCommand("join", ctx -> ctx.enter("join", new JoinV3(null, null)))
            .onText(ctx -> ctx.reply("Send /join.")))
        .build();
  }

  /** The texts of release 2 without migrations in English and Russian, the reset notice among them. */
  static Messages messages() {
    return Messages.builder(Locale.ENGLISH)
        .bundle(Locale.ENGLISH, Map.of(Bot.RESET_NOTICE_KEY, "We updated the bot; please start again."))
        .bundle(Locale.forLanguageTag("ru"), Map.of(Bot.RESET_NOTICE_KEY, "Бот обновился; начните заново."))
        .build();
  }
}
