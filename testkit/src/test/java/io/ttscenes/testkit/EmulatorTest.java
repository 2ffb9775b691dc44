package io.ttscenes.testkit;

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
    emulator = Emulator.start(0);
    api = new BotApiClient(emulator);
  }

  @AfterEach
  final void stopEmulator() {
    emulator.close();
  }
}
