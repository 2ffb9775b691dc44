package io.ttscenes.runtime.admin;

import io.ttscenes.runtime.RuntimeConfigException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Where the admin endpoint listens: {@code TTSCENES_ADMIN_PORT} (off when unset; 0 picks a free
 * port) on {@code TTSCENES_ADMIN_HOST} (default {@code 127.0.0.1}, so metrics and pages are not
 * public unless the operator says so).
 *
 * @param port the port, empty when the endpoint is off
 * @param host the address to bind
 */
public record AdminSettings(OptionalInt port, String host) {
  /** The address bound when {@code TTSCENES_ADMIN_HOST} is not set. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Checks the port range and that the host is not blank. */
  public AdminSettings {
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(host, "host");
    if (port.isPresent() && (port.getAsInt() < 0 || port.getAsInt() > 65535)) {
      throw new IllegalArgumentException("admin port " + port.getAsInt() + " is not 0..65535");
    }
    if (host.isBlank()) {
      throw new IllegalArgumentException("admin host is blank");
    }
  }

  /** The endpoint switched off. */
  public static AdminSettings off() {
    return new AdminSettings(OptionalInt.empty(), DEFAULT_HOST);
  }

  /** The endpoint on {@code host}:{@code port} (0: any free port). */
  public static AdminSettings on(String host, int port) {
    return new AdminSettings(OptionalInt.of(port), host);
  }

  /** Reads the process environment; see the class description. */
  public static AdminSettings fromEnvironment() {
    return from(System.getenv());
  }

  /**
   * Reads {@code env} as if it were the environment; throws {@link RuntimeConfigException} naming
   * the variable when the port is not a number in 0..65535.
   */
  public static AdminSettings from(Map<String, String> env) {
    String host = env.getOrDefault("TTSCENES_ADMIN_HOST", "").strip();
    String port = env.getOrDefault("TTSCENES_ADMIN_PORT", "").strip();
    host = host.isEmpty() ? DEFAULT_HOST : host;
    if (port.isEmpty()) {
      return new AdminSettings(OptionalInt.empty(), host);
    }
    try {
      int value = Integer.parseInt(port);
      if (value >= 0 && value <= 65535) {
        return on(host, value);
      }
    } catch (NumberFormatException e) {
      // Reported below with the variable's name.
    }
    throw new RuntimeConfigException(List.of("TTSCENES_ADMIN_PORT is '" + port + "'; it must be a port 0..65535"));
  }

  /** Whether the endpoint is on. */
  public boolean enabled() {
    return port.isPresent();
  }
}
