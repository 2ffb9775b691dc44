package io.ttscenes.testkit.kit;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Context;
import io.ttscenes.api.Scene;
import io.ttscenes.api.Updates;
import io.ttscenes.api.model.MessageRemovedUpdate;

/**
 * A bot that takes one order per person and lets them change it by editing the message that
 * placed it, or cancel it by deleting that message: it reacts to {@code message_edited} and
 * {@code message_removed} in its "order" scene, and only remarks on them outside it. With the
 * default session per user in a chat, each member of a group has an order of their own.
 */
final class OrderBot {
  /** The open order: the message that placed it (empty before one was typed) and what it says. */
  record Order(String mid, String item) {}

  private OrderBot() {}

  static Bot create() {
    return Bot.builder("order-bot")
        .scene(ordering())
        .root(r -> r
            .onCommand("order", ctx -> ctx.reply("What would you like?").enter("order", new Order("", "")))
            .onMessageEdited(ctx -> ctx.reply("I saw you edit a message: " + text(ctx)))
            .onMessageRemoved(ctx -> ctx.reply("I saw you delete a message.")))
        .build();
  }

  private static Scene<Order> ordering() {
    return Scene.builder("order", Order.class)
        .onCommand("done", ctx -> ctx.reply("Ordered: " + ctx.data().item() + ". Thank you!").leave())
        .onText(OrderBot::place)
        .onMessageEdited(ctx -> {
          if (!mid(ctx).equals(ctx.data().mid())) {
            ctx.reply("That message is not your order.");
            return;
          }
          ctx.setData(new Order(ctx.data().mid(), text(ctx))).reply("Changed to: " + text(ctx));
        })
        .onMessageRemoved(ctx -> {
          if (((MessageRemovedUpdate) ctx.update()).messageId().equals(ctx.data().mid())) {
            ctx.reply("Order cancelled.").leave();
          }
        })
        .build();
  }

  private static void place(Context<Order> ctx) {
    if (!ctx.data().mid().isEmpty()) {
      ctx.reply("You ordered " + ctx.data().item() + " already; edit that message to change it.");
      return;
    }
    ctx.setData(new Order(mid(ctx), ctx.text()))
        .reply("Noted: " + ctx.text() + ". Edit it to change it, delete it to cancel, /done to confirm.");
  }

  private static String mid(Context<?> ctx) {
    return Updates.message(ctx.update()).orElseThrow().body().mid();
  }

  private static String text(Context<?> ctx) {
    return Updates.text(ctx.update()).orElse("");
  }
}
