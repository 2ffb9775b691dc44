package io.ttscenes.testkit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator as a program: port from {@code EMULATOR_PORT} (default 8080), token from
 * {@code EMULATOR_TOKEN} (default {@value Emulator#DEFAULT_TOKEN}), bind address from
 * {@code EMULATOR_HOST} (default loopback; {@code 0.0.0.0} for containers); prints where it listens.
 */
public final class EmulatorMain {
  private EmulatorMain() {}

  /** Starts the emulator and blocks until the process is stopped. */
  public static void main(String[] args) throws InterruptedException, UnknownHostException {
    int port = Integer.parseInt(env("EMULATOR_PORT", "8080"));
    Emulator emulator = Emulator.builder().port(port)
        .token(env("EMULATOR_TOKEN", Emulator.DEFAULT_TOKEN))
        .host(InetAddress.getByName(env("EMULATOR_HOST", "127.0.0.1")))
        .start();
    Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "emulator-stop"));
    System.out.println("TamTam emulator is running");
    System.out.println("  Bot API base URL: " + emulator.baseUrl());
    System.out.println("  access token:     " + emulator.token());
    System.out.println("  web chat:         " + emulator.webChatUrl());
    new CountDownLatch(1).await();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
