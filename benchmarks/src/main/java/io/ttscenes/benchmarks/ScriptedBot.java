package io.ttscenes.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The survey bot's side played from a script, with no state of its own: it polls
 * {@link FakeBotApi} on one {@link LoopbackClient} and answers each update on another with the
 * replies WORKLOAD.md asks for. It drives the server's self warm-up and tests. Not thread-safe;
 * throws {@link IllegalStateException} when the server answers other than 200.
 */
final class ScriptedBot {
  /** What one poll brought: how many updates were answered and the marker for the next poll. */
  record Page(int updates, long marker) {}

  private static final String KEYBOARD = ",\"attachments\":[{\"type\":\"inline_keyboard\",\"payload\":"
      + "{\"buttons\":[[{\"type\":\"callback\",\"text\":\"Yes\",\"payload\":\"q1:yes\"},"
      + "{\"type\":\"callback\",\"text\":\"No\",\"payload\":\"q1:no\"}]]}}]";

  private final ObjectMapper json = new ObjectMapper();
  private final LoopbackClient polls;
  private final LoopbackClient posts;

  ScriptedBot(LoopbackClient polls, LoopbackClient posts) {
    this.polls = polls;
    this.posts = posts;
  }

  /**
   * Plays the bot against the server on {@code port} over two fresh connections, polling from
   * {@code marker} (0: the first poll, each poll waiting up to 30 s) until {@code updates} updates
   * were answered; returns the marker for the next poll.
   */
  static long play(int port, long marker, int updates) {
    try (LoopbackClient polls = new LoopbackClient(port); LoopbackClient posts = new LoopbackClient(port)) {
      ScriptedBot bot = new ScriptedBot(polls, posts);
      long next = marker;
      for (int answered = 0; answered < updates; ) {
        Page page = bot.pollOnce(next, 30);
        answered += page.updates();
        next = page.marker();
      }
      return next;
    }
  }

  /**
   * Takes one page of up to 1000 updates, waiting up to {@code timeoutSeconds} (marker 0: the
   * first poll) and replies to each in order.
   */
  Page pollOnce(long marker, int timeoutSeconds) {
    LoopbackClient.Response page = polls.get("/updates?limit=1000&timeout=" + timeoutSeconds
        + (marker == 0 ? "" : "&marker=" + marker));
    JsonNode body = parse(page);
    for (JsonNode update : body.path("updates")) {
      reply(update);
    }
    return new Page(body.path("updates").size(), body.path("marker").asLong(marker));
  }

  private void reply(JsonNode update) {
    switch (update.path("update_type").asText()) {
      case "bot_started" -> send(update.path("chat_id").asLong(), "Q1", KEYBOARD);
      case "message_callback" -> {
        JsonNode callback = update.path("callback");
        check(posts.post("/answers?callback_id=" + callback.path("callback_id").asText(),
            "{\"notification\":\"Noted: yes\"}"));
        send(update.path("message").path("recipient").path("chat_id").asLong(), "Q2", "");
      }
      case "message_created" -> {
        JsonNode message = update.path("message");
        String text = message.path("body").path("text").asText();
        send(message.path("recipient").path("chat_id").asLong(),
            (text.equals("/status") ? "Stored: " : "Thanks! ") + "Q1: yes; Q2: my answer; promo: promo42", "");
      }
      default -> throw new IllegalStateException("unexpected update " + update);
    }
  }

  private void send(long chatId, String text, String attachments) {
    check(posts.post("/messages?chat_id=" + chatId, "{\"text\":\"" + text + "\"" + attachments + "}"));
  }

  private JsonNode parse(LoopbackClient.Response response) {
    check(response);
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("the fake Bot API answered with bad JSON", e);
    }
  }

  private static void check(LoopbackClient.Response response) {
    if (response.status() != 200) {
      throw new IllegalStateException("the fake Bot API answered " + response.status() + ": " + response.body());
    }
  }
}
