package io.ttscenes.testkit.kit;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Prompt;
import io.ttscenes.api.Scene;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A sign-up wizard asking one ready prompt of each kind: the kit's prompt bot. */
final class SignupBot {
  /** What the wizard collected so far. */
  record Form(String name, Integer age, String email, String phone, String plan, Boolean news,
      LocalDate birthday, BigDecimal height, Prompt.Location place) {
    static Form empty() {
      return new Form(null, null, null, null, null, null, null, null, null);
    }
  }

  private SignupBot() {}

  static Bot create() {
    return Bot.builder("signup-bot")
        .scene(signup())
        .global(g -> g.onCommand("cancel", ctx -> ctx.reply("Cancelled.").leave()))
        .root(r -> r.onCommand("signup", ctx -> ctx.enter("signup", Form.empty())))
        .build();
  }

  private static Scene<Form> signup() {
    return Scene.builder("signup", Form.class)
        .step("name", s -> s.ask(Prompt.text("Your name?"), (ctx, v) -> ctx.setData(
            new Form(v, null, null, null, null, null, null, null, null)).next()))
        .step("age", s -> s.ask(Prompt.integer("Your age?", 1, 120), (ctx, v) -> ctx.setData(
            with(ctx.data(), 1, v)).next()))
        .step("email", s -> s.ask(Prompt.email("Your e-mail?").retry("That is not an e-mail. Your e-mail?")
            .attempts(3, "Three wrong e-mails; try /signup later."), (ctx, v) -> ctx.setData(with(ctx.data(), 2, v)).next()))
        .step("phone", s -> s.ask(Prompt.phone("Your phone?"), (ctx, v) -> ctx.setData(with(ctx.data(), 3, v)).next()))
        .step("plan", s -> s.ask(Prompt.choice("Plan?", List.of("Free", "Pro")),
            (ctx, v) -> ctx.setData(with(ctx.data(), 4, v)).next()))
        .step("news", s -> s.ask(Prompt.yesNo("News by e-mail?", "Yes", "No"),
            (ctx, v) -> ctx.setData(with(ctx.data(), 5, v)).next()))
        .step("birthday", s -> s.ask(Prompt.date("Birthday?").validate(d -> d.getYear() > 1900),
            (ctx, v) -> ctx.setData(with(ctx.data(), 6, v)).next()))
        .step("height", s -> s.ask(Prompt.decimal("Height in m?", new BigDecimal("0.5"), new BigDecimal("2.5")),
            (ctx, v) -> ctx.setData(with(ctx.data(), 7, v)).next()))
        .step("place", s -> s.ask(Prompt.location("Where are you?"), (ctx, v) -> {
          Form f = with(ctx.data(), 8, v);
          ctx.reply(f.name() + ", " + f.age() + ", " + f.email() + ", " + f.phone() + ", " + f.plan()
              + ", news " + f.news() + ", " + f.birthday() + ", " + f.height() + " m, at "
              + f.place().latitude() + "," + f.place().longitude()).leave();
        }))
        .build();
  }

  private static Form with(Form f, int field, Object v) {
    return new Form(f.name(), field == 1 ? (Integer) v : f.age(), field == 2 ? (String) v : f.email(),
        field == 3 ? (String) v : f.phone(), field == 4 ? (String) v : f.plan(),
        field == 5 ? (Boolean) v : f.news(), field == 6 ? (LocalDate) v : f.birthday(),
        field == 7 ? (BigDecimal) v : f.height(), field == 8 ? (Prompt.Location) v : f.place());
  }
}
