package io.ttscenes.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** The fake API's self warm-up plays the whole survey on a server of its own. */
final class SelfWarmUpTest {
  @Test
  void playsEveryUsersFourStepsWithFivePostsEachAndOnePollPerStep() {
    SelfWarmUp.Result result = SelfWarmUp.run(20);

    // 20 users x (4 messages + 1 callback answer), and 4 polls as every step's updates come in one page.
    assertEquals(20 * 5 + 4, result.requests());
  }

  @Test
  void loopbackClientFailsLoudlyOnAServerThatIsGone() {
    int port;
    try (FakeBotApi api = FakeBotApi.start(1, 0)) {
      port = api.port();
    }
    assertThrows(UncheckedIOException.class, () -> new LoopbackClient(port).get("/updates"));
  }
}
