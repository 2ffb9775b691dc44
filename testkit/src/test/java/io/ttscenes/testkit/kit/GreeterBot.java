package io.ttscenes.testkit.kit;

import io.ttscenes.api.Bot;
import io.ttscenes.api.model.ChatTitleChangedUpdate;
import io.ttscenes.api.model.User;

/**
 * A bot that welcomes people to a group chat and says goodbye when they go, with the default
 * session per user in a chat: {@code /hello} counts a user's greetings in each chat apart.
 */
final class GreeterBot {
  /** How often this user said /hello in this chat (or dialog). */
  record Greetings(int count) {}

  private GreeterBot() {}

  static Bot create() {
    return Bot.builder("greeter-bot")
        .sessionData(Greetings.class, () -> new Greetings(0))
        .root(r -> r
            .onBotAdded(ctx -> ctx.reply("Hi everyone! " + name(ctx.user().orElseThrow()) + " brought me here."))
            .onUserAdded(ctx -> ctx.reply("Welcome, " + name(ctx.user().orElseThrow()) + "!"))
            .onUserRemoved(ctx -> ctx.reply("Bye, " + name(ctx.user().orElseThrow()) + "."))
            .onChatTitleChanged(ctx -> ctx.reply("New title: "
                + ((ChatTitleChangedUpdate) ctx.update()).title()))
            .onCommand("hello", ctx -> {
              Greetings next = new Greetings(ctx.session(Greetings.class).count() + 1);
              ctx.setSession(next).reply("Hello, " + name(ctx.user().orElseThrow()) + "! (" + next.count() + ")");
            }))
        .build();
  }

  private static String name(User user) {
    return user.name();
  }
}
