package io.ttscenes.testkit.kit;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Construction;
import io.ttscenes.api.Context;
import io.ttscenes.api.ConstructorInput;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.Scene;
import io.ttscenes.api.SessionKeys;
import io.ttscenes.api.keyboard.Keyboard;

/**
 * A constructor bot written with typed input and the {@link Construction} builder: the user types
 * a greeting card's title, then its wish, then chooses a style; no update is cast, no wire answer
 * built by hand.
 */
final class CardBot {
  /** The card being built. */
  record Card(String title, String wish) {}

  private CardBot() {}

  static Bot create() {
    return Bot.builder("card-bot")
        .sessionKey(SessionKeys.CONSTRUCTOR_SESSION)
        .scene(Scene.builder("card", Card.class)
            .onConstruction(CardBot::input)
            .onConstructed(ctx -> ctx.leave())
            .build())
        .root(r -> r.onConstruction((ctx, input) -> ctx.enter("card", new Card(null, null))
            .construct(Construction.answer().hint("Type the card's title").placeholder("Title"))))
        .build();
  }

  private static void input(Context<Card> ctx, ConstructorInput in) {
    Card card = ctx.data();
    if (in.pressed().isPresent()) {
      String style = in.pressed().get();
      ctx.construct(Construction.answer().buttonsOnly().hint("Tap Send")
          .message(OutgoingMessage.text(style.equals("bold") ? "**" + card.title() + "**" : card.title()).markdown())
          .message(OutgoingMessage.text(card.wish()).keyboard(Keyboard.of(Keyboard.link("Reply", "https://tt.me/card_bot")))));
      return;
    }
    if (card.title() == null) {
      ctx.setData(new Card(in.text().orElse("Untitled"), null))
          .construct(Construction.answer().hint("Now type your wish").data("wish"));
      return;
    }
    ctx.setData(new Card(card.title(), in.text().orElse("")))
        .construct(Construction.answer().buttonsOnly().hint("Choose a style").data("style")
            .keyboard(Keyboard.of(Keyboard.callback("Plain", "plain"), Keyboard.callback("Bold", "bold"))));
  }
}
