package io.ttscenes.runtime.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import java.util.List;
import org.junit.jupiter.api.Test;

final class FunnelsOrderTest {
  @Test
  void milestonesFollowTheScenesInDeclarationOrderNotAlphabetically() {
    Bot bot = Bot.builder("desk").campaigns("promo").milestones("ticket-opened", "answered")
        .scene(Scene.builder("support").step("question", s -> s.onText(ctx -> ctx.next())).build())
        .build();
    MeterRegistry registry = new SimpleMeterRegistry();
    registry.counter("ttscenes.deeplink.starts", "campaign", "promo", "scene", "root", "step", "-").increment(4);
    reached(registry, "answered", "-", 1);
    reached(registry, "ticket-opened", "-", 3);
    reached(registry, "support", "question", 2);

    Funnels.Funnel promo = Funnels.of(bot, registry).get(0);

    assertEquals(4, promo.started());
    assertEquals(List.of(new Funnels.Stage("support/question", 2), new Funnels.Stage("ticket-opened", 3),
        new Funnels.Stage("answered", 1)), promo.stages());
  }

  private static void reached(MeterRegistry registry, String scene, String step, int users) {
    registry.counter("ttscenes.funnel.reached", "campaign", "promo", "scene", scene, "step", step).increment(users);
  }
}
