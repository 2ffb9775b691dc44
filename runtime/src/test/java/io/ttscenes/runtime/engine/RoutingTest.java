package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import io.ttscenes.api.model.PhotoAttachment;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class RoutingTest {
  private final Harness harness = new Harness(Bot.builder("routing")
      .username("RouterBot")
      .scene(Scene.builder("inside").onText(ctx -> ctx.reply("scene text " + ctx.text()))
          .fallback(ctx -> ctx.reply("scene fallback " + ctx.update().updateType())).build())
      .global(g -> g.onCommand("cancel", ctx -> ctx.reply("cancelled " + ctx.sceneId().orElse("root")).leave()))
      .root(r -> r
          .onCommand("start", ctx -> ctx.reply("start args=[" + ctx.args() + "]"))
          .onCommand("enter", ctx -> ctx.enter("inside"))
          .onCallback("exact", ctx -> ctx.answer("exact"))
          .onCallbackPrefix("pre:", (ctx, rest) -> ctx.reply("prefix " + ctx.payload() + " rest " + rest))
          .onCallbackRegex("item-(\\d+)", ctx -> ctx.reply("regex item " + ctx.regex().orElseThrow().group(1)))
          .onBotStarted("promo", ctx -> ctx.reply("deep exact"))
          .onBotStartedPrefix("ref_", (ctx, rest) -> ctx.reply("deep prefix " + ctx.startPayload() + " rest " + rest))
          .onBotStartedRegex("c(\\d+)", ctx -> ctx.reply("deep regex " + ctx.regex().orElseThrow().group(1)))
          .onBotStarted(ctx -> ctx.reply("started plain"))
          .onTextRegex("order #(\\d+)", ctx -> ctx.reply("order " + ctx.regex().orElseThrow().group(1)))
          .onText(text -> text.startsWith("hi"), ctx -> ctx.reply("greeting"))
          .onContact(ctx -> ctx.reply("contact"))
          .onLocation(ctx -> ctx.reply("location"))
          .onAttachment(PhotoAttachment.class, ctx -> ctx.reply("photo"))
          .onMessageEdited(ctx -> ctx.reply("edited " + ctx.text()))
          .onMessageRemoved(ctx -> ctx.reply("removed"))
          .onBotAdded(ctx -> ctx.reply("bot added"))
          .onBotRemoved(ctx -> ctx.reply("bot removed"))
          .onUserAdded(ctx -> ctx.reply("user added"))
          .onUserRemoved(ctx -> ctx.reply("user removed"))
          .onChatTitleChanged(ctx -> ctx.reply("title changed"))
          .onChatCreated(ctx -> ctx.reply("chat created " + ctx.startPayload()))
          .onConstructionRequest(ctx -> ctx.reply("construct " + ctx.payload() + ctx.text()))
          .onConstructed(ctx -> ctx.reply("constructed"))
          .onUpdateType("dialog_muted", ctx -> ctx.reply("muted"))
          .fallback(ctx -> ctx.reply("root fallback " + ctx.update().updateType())))
      .build());

  @AfterEach
  void close() {
    harness.close();
  }

  private String replyTo(io.ttscenes.api.model.Update update) {
    int before = harness.texts().size();
    harness.handle(update);
    List<String> texts = harness.texts();
    assertEquals(before + 1, texts.size(), "one reply expected, got " + texts.subList(before, texts.size()));
    return texts.get(texts.size() - 1);
  }

  @Test
  void commandsAreCaseInsensitiveTakeArgsAndIgnoreOtherBots() {
    assertEquals("start args=[promo 42]", replyTo(text(10, 100, "/Start promo 42")));
    assertEquals("start args=[]", replyTo(text(10, 100, "/start@routerbot")));
    assertEquals("root fallback message_created", replyTo(text(10, 100, "/start@OtherBot")));
  }

  @Test
  void callbacksMatchExactlyByPrefixAndByRegex() {
    harness.handle(callback(10, 100, "exact"));
    assertEquals("exact", harness.api.calls().get(0).text());
    assertEquals("answerOnCallback", harness.api.calls().get(0).operation());
    assertEquals("prefix pre:abc rest abc", replyTo(callback(10, 100, "pre:abc")));
    assertEquals("regex item 17", replyTo(callback(10, 100, "item-17")));
    assertEquals("root fallback message_callback", replyTo(callback(10, 100, "item-x")));
  }

  @Test
  void deepLinksMatchExactlyByPrefixByRegexAndPlain() {
    assertEquals("deep exact", replyTo(botStarted(10, 100, "promo")));
    assertEquals("deep prefix ref_77 rest 77", replyTo(botStarted(10, 100, "ref_77")));
    assertEquals("deep regex 5", replyTo(botStarted(10, 100, "c5")));
    assertEquals("started plain", replyTo(botStarted(10, 100, null)));
  }

  @Test
  void textAttachmentsAndMessageEventsReachTheirHandlers() {
    assertEquals("order 12", replyTo(text(10, 100, "order #12")));
    assertEquals("greeting", replyTo(text(10, 100, "hi there")));
    assertEquals("contact", replyTo(contact(10, 100)));
    assertEquals("location", replyTo(location(10, 100)));
    assertEquals("photo", replyTo(photo(10, 100)));
    assertEquals("edited new text", replyTo(edited(10, 100, "mid.1", "new text")));
    assertEquals("removed", replyTo(removed(10, 100, "mid.1")));
  }

  @Test
  void chatEventsReachTheirHandlers() {
    assertEquals("bot added", replyTo(botAdded(10, 200)));
    assertEquals("bot removed", replyTo(botRemoved(10, 200)));
    assertEquals("user added", replyTo(userAdded(11, 200)));
    assertEquals("user removed", replyTo(userRemoved(11, 200)));
    assertEquals("title changed", replyTo(titleChanged(10, 200, "News")));
    assertEquals("chat created from-button", replyTo(chatCreated(300, "from-button")));
  }

  @Test
  void constructorUpdatesReachTheirHandlers() {
    assertEquals("construct go", replyTo(constructorButton(10, "sess-1", "go")));
    assertEquals("construct typed", replyTo(constructorText(10, "sess-1", "typed")));
    assertEquals("constructed", replyTo(constructed(10, "sess-1")));
  }

  @Test
  void unknownTypesRouteByNameOrFallBack() {
    assertEquals("muted", replyTo(unknown("dialog_muted", 10, 100)));
    assertEquals("root fallback bot_stopped", replyTo(unknown("bot_stopped", 10, 100)));
  }

  @Test
  void globalHandlersComeFirstAndSceneHandlersReplaceRootOnes() {
    harness.handle(text(10, 100, "/enter"));
    assertEquals("scene text hi", replyTo(text(10, 100, "hi")));
    assertEquals("scene fallback bot_started", replyTo(botStarted(10, 100, "promo")));
    assertEquals("cancelled inside", replyTo(text(10, 100, "/cancel")));
    assertEquals("greeting", replyTo(text(10, 100, "hi")));
  }

  @Test
  void repliesGoToTheChatOfTheUpdate() {
    harness.handle(text(10, 100, "hi"));
    assertEquals("chat:100", harness.api.calls().get(0).target());
  }
}
