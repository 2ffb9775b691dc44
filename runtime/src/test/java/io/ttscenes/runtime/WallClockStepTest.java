package io.ttscenes.runtime;

import static io.ttscenes.runtime.fake.Updates.message;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.fake.FakeTamTam;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A wall clock stepping back (NTP, a restored VM) must not stall a runtime's API calls: the
 * client paces its rate limit on the monotonic clock, and the runtime does not hand it its own.
 */
final class WallClockStepTest {
  private FakeTamTam tamtam;
  private BotRuntime runtime;

  @BeforeEach
  void startTamTam() throws Exception {
    tamtam = FakeTamTam.start();
  }

  @AfterEach
  void stop() {
    tamtam.close();
  }

  @Test
  void aWallClockSteppingBackAnHourDoesNotStallTheRuntimesReplies() throws Exception {
    WallClock wall = new WallClock();
    Bot bot = Bot.builder("wall-clock").username("wallbot")
        .root(r -> r.onText(ctx -> ctx.reply("echo " + ctx.text())))
        .build();
    RuntimeConfig config = RuntimeConfig.from(Map.of("TAMTAM_API_URL", tamtam.url(),
        "TTSCENES_POLL_TIMEOUT_SECONDS", "1", "TTSCENES_SHUTDOWN_TIMEOUT_SECONDS", "1"));
    runtime = BotRuntime.builder(bot, config).clock(wall).build();
    runtime.start();
    tamtam.push(message(1, "a"));
    assertEquals(List.of("echo a"), tamtam.awaitTexts(1));

    // What an NTP correction does to the system wall clock.
    wall.step(Duration.ofHours(-1));
    tamtam.push(message(1, "b"));

    // The fake answers at once and the limit is 30 calls per second, so the reply comes promptly;
    // with the limiter on the wall clock, the next calls wait an hour (awaitTexts gives up at 20 s).
    assertEquals(List.of("echo a", "echo b"), tamtam.awaitTexts(2));
    runtime.close();
  }

  /** The system clock plus an offset that can be stepped, as NTP or a VM restore steps it. */
  private static final class WallClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    void step(Duration by) {
      offset.updateAndGet(current -> current.plus(by));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset.get());
    }
  }
}
