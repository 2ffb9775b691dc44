package io.ttscenes.archetype;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A bot's runnable jar started as README says, with no token (dev mode, emulator on a free port),
 * and a person talking to it through the web chat's JSON routes. Closing it stops the process.
 */
final class DevJar implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Process process;
  private final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  private DevJar(Process process, String base) {
    this.process = process;
    this.base = base;
  }

  static DevJar start(Path jar, Path log) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("TAMTAM_") || name.equals("REDIS_URL")
        || name.equals("WEBHOOK_URL"));
    env.put("EMULATOR_PORT", "0");
    Process process = builder.start();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      Optional<String> chat = Files.readAllLines(log).stream().filter(l -> l.strip().startsWith("Web chat:"))
          .map(l -> l.strip().substring("Web chat:".length()).strip()).findFirst();
      if (chat.isPresent()) {
        return new DevJar(process, chat.get().replaceFirst("/chat/$", ""));
      }
      Thread.sleep(100);
    }
    process.destroyForcibly().waitFor();
    throw new AssertionError("the jar printed no web chat address; it printed:\n" + Files.readString(log));
  }

  /**
   * Creates a person named {@code name}, sends {@code text} in their dialog and long-polls the
   * dialog until a message contains {@code expected}; returns the dialog's JSON view.
   */
  String say(String name, String text, String expected) throws IOException, InterruptedException {
    long chat = post("/_emu/users", Map.of("name", name)).path("chat_id").asLong();
    post("/_emu/chats/" + chat + "/text", Map.of("text", text));
    long version = -1;
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      String view = get("/_emu/chats/" + chat + "?after=" + version + "&wait=5");
      if (view.contains(expected)) {
        return view;
      }
      version = JSON.readTree(view).path("version").asLong();
    }
    throw new AssertionError("no message containing '" + expected + "' in " + WAIT);
  }

  private JsonNode post(String path, Map<String, String> body) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError("POST " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private String get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
