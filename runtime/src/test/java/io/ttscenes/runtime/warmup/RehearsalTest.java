package io.ttscenes.runtime.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The rehearsal takes its synthetic users through every step of the runtime's own wizard. */
final class RehearsalTest {
  @Test
  void everySyntheticUserGoesThroughTheWizardAndIsAnsweredByTheCannedApi() throws Exception {
    try (Rehearsal rehearsal = new Rehearsal(RehearsalBot.create("rehearsed"), 4, Duration.ofSeconds(10), 8)) {
      int updates = rehearsal.run(16, System.nanoTime() + Duration.ofSeconds(60).toNanos(), new CompletableFuture<>());
      assertEquals(64, updates);
      // Per user: 16 polls in all, then the prompt, the button's answer, the next prompt and the thanks, the status.
      assertTrue(rehearsal.apiCalls() >= 8 + 16 * 5, "calls: " + rehearsal.apiCalls());
    }
  }
}
