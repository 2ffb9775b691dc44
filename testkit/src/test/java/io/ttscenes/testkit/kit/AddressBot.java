package io.ttscenes.testkit.kit;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Prompt;
import io.ttscenes.api.Scene;

/** One "ask for an address" sub-dialog called by two flows, an order and a profile: the kit's dialog bot. */
final class AddressBot {
  /** The sub-dialog's input: whom it asks for. */
  record Ask(String purpose, String street) {}

  /** The sub-dialog's result. */
  record Address(String street, String city) {}

  /** An order being placed. */
  record Order(String item) {}

  private AddressBot() {}

  static Bot create() {
    return Bot.builder("address-bot")
        .scene(address())
        .scene(Scene.builder("order", Order.class)
            .onEnter(ctx -> ctx.call("address", new Ask("delivery", null)))
            .onResult("address", Address.class, (ctx, result) -> result.value().ifPresentOrElse(
                a -> ctx.reply("Order of " + ctx.data().item() + " ships to " + a.street() + ", " + a.city()).leave(),
                () -> ctx.reply("Order of " + ctx.data().item() + " has no address; cancelled").leave()))
            .build())
        .scene(Scene.builder("profile")
            .onEnter(ctx -> ctx.call("address", new Ask("home", null)))
            .onResult("address", Address.class, (ctx, result) -> ctx.reply(
                "Home address: " + result.value().map(Address::city).orElse("unchanged")).leave())
            .build())
        .global(g -> g.onCommand("cancel", ctx -> ctx.reply("Cancelling.").leave()))
        .root(r -> r
            .onCommand("order", ctx -> ctx.enter("order", new Order(ctx.args())))
            .onCommand("profile", ctx -> ctx.enter("profile")))
        .build();
  }

  private static Scene<Ask> address() {
    return Scene.builder("address", Ask.class)
        .step("street", s -> s.ask(Prompt.text("Street?"), (ctx, street) -> ctx
            .setData(new Ask(ctx.data().purpose(), street)).next()))
        .step("city", s -> s.ask(Prompt.text("City?"), (ctx, city) -> ctx.finish(
            new Address(ctx.data().street(), city))))
        .build();
  }

}
