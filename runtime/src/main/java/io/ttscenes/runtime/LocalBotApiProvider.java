package io.ttscenes.runtime;

import java.util.Map;

/**
 * Starts a {@link LocalBotApi} for dev mode. The testkit module registers one through
 * {@link java.util.ServiceLoader} ({@code META-INF/services}), so a bot with testkit on its
 * classpath and no token runs against the emulator without naming it in code.
 */
public interface LocalBotApiProvider {

  /**
   * Starts the local API with the settings in {@code env} (the testkit reads {@code EMULATOR_PORT}
   * and {@code EMULATOR_HOST}).
   *
   * @throws IllegalArgumentException naming the setting when it is malformed or its port is in use
   */
  LocalBotApi start(Map<String, String> env);
}
