package io.ttscenes.testkit.kit;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Scene data that is a plain class in the project's own accessor style (no getters). */
final class PlainClassDataTest {
  /** A mutable cart with record-style accessors; Jackson sees no properties in it. */
  static final class Cart {
    private final List<String> items = new ArrayList<>();

    Cart add(String item) {
      items.add(item);
      return this;
    }

    List<String> items() {
      return items;
    }
  }

  static Bot shop() {
    return Bot.builder("shop")
        .scene(Scene.builder("cart", Cart.class)
            .initialData(Cart::new)
            .onText(ctx -> ctx.setData(ctx.data().add(ctx.text()))
                .reply("In your cart: " + String.join(", ", ctx.data().items())))
            .build())
        .root(root -> root.onCommand("shop", ctx -> ctx.enter("cart").reply("What do you need?")))
        .build();
  }

  @RegisterExtension
  static final BotTester bot = BotTester.of(shop());

  @Test
  void sceneDataOfAPlainClassSurvivesBetweenUpdates() {
    TestUser alice = bot.user("alice");
    alice.sends("/shop").expectReply("What do you need?")
        .sends("milk").expectReply("In your cart: milk")
        .sends("bread").expectReply("In your cart: milk, bread");
  }
}
