package io.ttscenes.testkit;

import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The common fixture of the emulator's own HTTP tests: a fresh emulator on a free port for each
 * test and a raw Bot API client pointed at it; closed after the test.
 */
abstract class EmulatorTest {
  Emulator emulator;
  BotApiClient api;

  @BeforeEach
  final void startEmulator() {
    emulator = Emulator.builder().port(0).clock(clock()).start();
    api = new BotApiClient(emulator);
  }

  /** The emulator's clock: the system's, unless a test class needs another. */
  Clock clock() {
    return Clock.systemUTC();
  }

  @AfterEach
  final void stopEmulator() {
    emulator.close();
  }
}
