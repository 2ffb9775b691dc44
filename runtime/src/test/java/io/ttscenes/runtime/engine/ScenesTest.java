package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.callback;
import static io.ttscenes.runtime.engine.TestUpdates.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import io.ttscenes.api.keyboard.Keyboard;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ScenesTest {

  record Survey(String payload, String q1, String q2) {
    Survey with(String q1, String q2) {
      return new Survey(payload, q1, q2);
    }
  }

  record Profile(int visits) {}

  private static Scene<Survey> survey() {
    return Scene.builder("survey", Survey.class)
        .onEnter(ctx -> ctx.reply("welcome " + ctx.data().payload()))
        .onLeave(ctx -> ctx.reply("bye from survey"))
        .step("q1", s -> s.prompt(ctx -> ctx.reply("Q1?", Keyboard.inline().withRow(
                Keyboard.callback("Yes", "q1:yes"), Keyboard.callback("No", "q1:no"))))
            .onCallbackPrefix("q1:", (ctx, answer) -> {
              ctx.answer("Noted");
              ctx.setData(ctx.data().with(answer, null));
              ctx.next();
            }))
        .step("q2", s -> s.prompt(ctx -> ctx.reply("Q2? (q1=" + ctx.data().q1() + ")"))
            .onText(ctx -> ctx.setData(ctx.data().with(ctx.data().q1(), ctx.text())).next()))
        .step("done", s -> s.prompt(ctx -> ctx.reply("thanks: " + ctx.data().q1() + "/" + ctx.data().q2()))
            .onText(ctx -> ctx.next()))
        .onCommand("back", ctx -> ctx.back())
        .onCommand("skip", ctx -> ctx.goTo("done"))
        .build();
  }

  private static Bot bot() {
    return Bot.builder("scenes")
        .scene(survey())
        .scene(Scene.builder("menu").onEnter(ctx -> ctx.reply("menu"))
            .onCommand("back", ctx -> ctx.back())
            .onText(ctx -> ctx.enter("second")).build())
        .scene(Scene.builder("second").onEnter(ctx -> ctx.reply("second"))
            .onCommand("back", ctx -> ctx.back())
            .onCommand("again", ctx -> ctx.reenter())
            .onCommand("next", ctx -> ctx.enter("menu"))
            .build())
        .sessionData(Profile.class, () -> new Profile(0))
        .historyLimit(2)
        .global(g -> g.onCommand("visits", ctx -> ctx.reply("visits " + ctx.session(Profile.class).visits())))
        .root(r -> r
            .onCommand("survey", ctx -> ctx.enter("survey", new Survey(ctx.args(), null, null)))
            .onCommand("menu", ctx -> ctx.enter("menu"))
            .onText(ctx -> {
              ctx.setSession(new Profile(ctx.session(Profile.class).visits() + 1));
              ctx.reply("root");
            }))
        .build();
  }

  @Test
  void wizardRunsForwardBackAndJumpsWithTypedData() {
    try (Harness h = new Harness(bot())) {
      h.handle(text(1, 10, "/survey promo42"));
      assertEquals(List.of("welcome promo42", "Q1?"), h.texts());
      h.handle(callback(1, 10, "q1:yes"));
      assertEquals("Q2? (q1=yes)", last(h));
      h.handle(text(1, 10, "/back"));
      assertEquals("Q1?", last(h));
      h.handle(callback(1, 10, "q1:no"));
      h.handle(text(1, 10, "blue"));
      assertEquals("thanks: no/blue", last(h));
      h.handle(text(1, 10, "ok"));
      assertEquals("bye from survey", last(h));
      h.handle(text(1, 10, "anything"));
      assertEquals("root", last(h));
    }
  }

  @Test
  void goToJumpsToANamedStep() {
    try (Harness h = new Harness(bot())) {
      h.handle(text(1, 10, "/survey x"));
      h.handle(text(1, 10, "/skip"));
      assertEquals("thanks: null/null", last(h));
    }
  }

  @Test
  void enterLeaveReenterAndBackFollowTheBoundedHistory() {
    try (Harness h = new Harness(bot())) {
      h.handle(text(1, 10, "/menu"));
      h.handle(text(1, 10, "go"));
      assertEquals(List.of("menu", "second"), h.texts());
      h.handle(text(1, 10, "/again"));
      assertEquals("second", last(h));
      h.handle(text(1, 10, "/back"));
      assertEquals("menu", last(h));
      // menu -> second -> menu -> second -> menu -> second: the history keeps only the last 2 scenes.
      for (int i = 0; i < 2; i++) {
        h.handle(text(1, 10, "go"));
        h.handle(text(1, 10, "/next"));
      }
      h.handle(text(1, 10, "go"));
      h.handle(text(1, 10, "/back"));
      assertEquals("menu", last(h));
      h.handle(text(1, 10, "go"));
      h.handle(text(1, 10, "/back"));
      h.handle(text(1, 10, "go"));
      int before = h.texts().size();
      h.handle(text(1, 10, "/back"));
      h.handle(text(1, 10, "/back"));
      h.handle(text(1, 10, "/back"));
      h.handle(text(1, 10, "after"));
      assertEquals(List.of("menu", "second", "root"), h.texts().subList(before, h.texts().size()));
    }
  }

  @Test
  void sessionDataAndSceneSurviveARestartOnTheSameStore() {
    FaultyStore store;
    try (Harness first = new Harness(bot())) {
      store = first.store;
      first.handle(text(1, 10, "one"));
      first.handle(text(1, 10, "two"));
      first.handle(text(1, 10, "/survey p"));
      first.handle(callback(1, 10, "q1:yes"));
    }
    try (Harness second = new Harness(bot(), store, 2)) {
      second.handle(text(1, 10, "/visits"));
      assertEquals("visits 2", last(second));
      second.handle(text(1, 10, "green"));
      assertEquals("thanks: yes/green", last(second));
    }
  }

  @Test
  void sessionsOfDifferentUsersAreSeparate() {
    try (Harness h = new Harness(bot())) {
      h.handle(text(1, 10, "/survey a"));
      h.handle(text(2, 20, "hello"));
      assertEquals("root", last(h));
    }
  }

  @Test
  void aSceneCanKeepIdleSessionsShorterThanTheBot() {
    java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
    FaultyStore store = new FaultyStore(io.ttscenes.runtime.store.InMemorySessionStore.builder()
        .ticker(nanos::get).executor(Runnable::run).build());
    Bot bot = Bot.builder("ttl")
        .scene(Scene.builder("checkout").sessionTtl(java.time.Duration.ofMinutes(15))
            .onText(ctx -> ctx.reply("still in checkout")).build())
        .root(r -> r.onCommand("buy", ctx -> ctx.enter("checkout")).onText(ctx -> ctx.reply("root")))
        .build();
    try (Harness h = new Harness(bot, store, 2)) {
      h.handle(text(1, 10, "/buy"));
      nanos.addAndGet(java.time.Duration.ofMinutes(14).toNanos());
      h.handle(text(1, 10, "card"));
      nanos.addAndGet(java.time.Duration.ofMinutes(16).toNanos());
      h.handle(text(1, 10, "card"));
      assertEquals(List.of("still in checkout", "root"), h.texts());
    }
  }

  @Test
  void afterARedeploySessionsInRemovedScenesOrStepsContinueSensibly() {
    FaultyStore store;
    try (Harness first = new Harness(bot())) {
      store = first.store;
      first.handle(text(1, 10, "/menu"));
      first.handle(text(2, 20, "/survey p"));
      first.handle(callback(2, 20, "q1:no"));
    }
    Bot redeployed = Bot.builder("scenes")
        .scene(Scene.builder("survey", Survey.class)
            .step("colour", s -> s.prompt(ctx -> ctx.reply("colour?")).onText(ctx -> ctx.reply("colour " + ctx.text()
                + " after q1=" + ctx.data().q1()))).build())
        .sessionData(Profile.class, () -> new Profile(0))
        .root(r -> r.onText(ctx -> ctx.reply("root")))
        .build();
    try (Harness second = new Harness(redeployed, store, 2)) {
      second.handle(text(1, 10, "hello"));
      second.handle(text(2, 20, "red"));
      assertEquals(List.of("root", "colour red after q1=no"), second.texts());
    }
  }

  private static String last(Harness h) {
    List<String> texts = h.texts();
    return texts.get(texts.size() - 1);
  }
}
