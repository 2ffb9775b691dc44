package io.ttscenes.testkit;

import io.ttscenes.runtime.LocalBotApi;
import io.ttscenes.runtime.LocalBotApiProvider;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;

/**
 * Dev mode's local API: an {@link Emulator} on {@code EMULATOR_PORT} (default 8080) bound to
 * {@code EMULATOR_HOST} (default loopback; {@code 0.0.0.0} serves the web chat to other machines,
 * e.g. from a container). Registered for {@link java.util.ServiceLoader}, so
 * {@code BotLauncher} finds it when the testkit is on the classpath. The emulator itself stays
 * free of runtime types (testkit-compat runs it without the runtime), so this class adapts it.
 */
public final class EmulatorApiProvider implements LocalBotApiProvider {
  /** The port dev mode serves the web chat on when {@code EMULATOR_PORT} is not set. */
  public static final int DEFAULT_PORT = 8080;

  /** Used by {@link java.util.ServiceLoader}. */
  public EmulatorApiProvider() {}

  /**
   * Starts the emulator; throws IllegalArgumentException naming {@code EMULATOR_PORT} or
   * {@code EMULATOR_HOST} when either is malformed or the port is in use.
   */
  @Override
  public LocalBotApi start(Map<String, String> env) {
    String portText = env.getOrDefault("EMULATOR_PORT", String.valueOf(DEFAULT_PORT)).strip();
    String hostText = env.getOrDefault("EMULATOR_HOST", "127.0.0.1").strip();
    int port = port(portText);
    InetAddress host;
    try {
      host = InetAddress.getByName(hostText);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("EMULATOR_HOST is '" + hostText + "'; it is not a known host name"
          + " or address", e);
    }
    try {
      return new Running(Emulator.builder().port(port).host(host).start());
    } catch (UncheckedIOException e) {
      String why = e.getCause() instanceof BindException ? "the port is in use" : "it cannot listen there";
      throw new IllegalArgumentException("cannot start the local emulator on " + hostText + ":" + port
          + ": " + why + " (" + e.getCause().getMessage() + "); set EMULATOR_PORT to a free port", e);
    }
  }

  /** The emulator behind {@code api} when this provider started it (dev mode), e.g. to script users. */
  public static Optional<Emulator> emulator(LocalBotApi api) {
    return api instanceof Running running ? Optional.of(running.emulator()) : Optional.empty();
  }

  /** A started emulator seen as dev mode's local API. */
  private record Running(Emulator emulator) implements LocalBotApi {
    @Override
    public String baseUrl() {
      return emulator.baseUrl();
    }

    @Override
    public String token() {
      return emulator.token();
    }

    @Override
    public String webChatUrl() {
      return emulator.webChatUrl();
    }

    @Override
    public void showAdmin(String adminUrl) {
      emulator.linkAdmin(adminUrl);
    }

    @Override
    public void close() {
      emulator.close();
    }
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Reported below with the same words as an out-of-range number.
    }
    throw new IllegalArgumentException("EMULATOR_PORT is '" + text + "'; it must be a number 0..65535");
  }
}
