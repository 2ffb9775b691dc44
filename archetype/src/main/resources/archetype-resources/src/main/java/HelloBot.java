package ${package};

import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import io.ttscenes.api.keyboard.Keyboard;

/**
 * The bot: a new user is taken through the "intro" scene (name, then mood with buttons), and
 * {@code /me} shows what the bot remembers. Replies are only recorded by the handlers; the runtime
 * sends them after the new session is stored.
 */
public final class HelloBot {
  /** What the bot remembers about a user once the intro is done. */
  public record Profile(String name, String mood) {}

  /** The intro scene's own data: the name given so far. */
  record Intro(String name) {}

  private static final Keyboard MOODS = Keyboard.inline()
      .withRow(Keyboard.callback("Great", "mood:great"), Keyboard.callback("So-so", "mood:so-so"));

  private HelloBot() {}

  /** Builds the bot; {@code Bot.build()} reports every wiring mistake at once. */
  public static Bot create() {
    Scene<Intro> intro = Scene.builder("intro", Intro.class)
        .onEnter(ctx -> ctx.reply("Hi! What is your name?"))
        .onText(ctx -> ctx.setData(new Intro(ctx.text())).reply("How are you, " + ctx.text() + "?", MOODS))
        .onCallbackPrefix("mood:", (ctx, mood) -> {
          Profile profile = new Profile(ctx.data().name(), mood);
          ctx.answer("Noted").setSession(profile)
              .reply("Nice to meet you, " + profile.name() + "! Send /me to see what I remember.")
              .leave();
        })
        .build();
    return Bot.builder("hello-bot")
        .scene(intro)
        .sessionData(Profile.class, () -> new Profile(null, null))
        .root(root -> root
            .onBotStarted(ctx -> ctx.enter("intro", new Intro(null)))
            .onCommand("start", ctx -> ctx.enter("intro", new Intro(null)))
            .onCommand("me", ctx -> ctx.reply(describe(ctx.session(Profile.class))))
            .fallback(ctx -> ctx.reply("Send /start to introduce yourself or /me to see what I know.")))
        .build();
  }

  static String describe(Profile profile) {
    return profile.name() == null ? "I do not know you yet: send /start."
        : "You are " + profile.name() + " and you feel " + profile.mood() + ".";
  }
}
