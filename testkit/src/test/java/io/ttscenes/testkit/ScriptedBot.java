package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A tiny bot for browser tests, written against the raw Bot API with java.net.http: on /start it
 * replies "Welcome" with a "Yes" callback button; on the callback it answers with a notification
 * and sends "You said yes"; a deep-link start asks for the contact, which it thanks for; the
 * constructor gets a preview; the user's edits and deletions are acknowledged with a message. In
 * a group chat it greets when added, repeats who said what, and names who pressed "Yes". Runs
 * its long-poll loop on its own thread until closed.
 */
final class ScriptedBot implements AutoCloseable {
  private final BotApiClient api;
  private final Thread thread;
  private volatile boolean running = true;

  ScriptedBot(Emulator emulator) {
    this.api = new BotApiClient(emulator);
    this.thread = new Thread(this::loop, "scripted-bot");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    Long marker = null;
    while (running) {
      JsonNode batch = api.get("/updates?timeout=1" + (marker == null ? "" : "&marker=" + marker)).json();
      batch.path("updates").forEach(this::handle);
      marker = batch.path("marker").asLong();
    }
  }

  private void handle(JsonNode update) {
    switch (update.path("update_type").asText()) {
      case "bot_started" -> api.post("/messages?chat_id=" + update.path("chat_id").asLong(),
          "{\"text\":\"Started with " + update.path("payload").asText() + "\",\"attachments\":[{\"type\":"
              + "\"inline_keyboard\",\"payload\":{\"buttons\":[[{\"type\":\"request_contact\","
              + "\"text\":\"Share phone\"}]]}}]}");
      case "message_construction_request" -> api.post("/answers/constructor?session_id="
          + update.path("session_id").asText(), "{\"messages\":[{\"text\":\"Preview: "
          + update.path("input").path("messages").get(0).path("text").asText() + "\"}],\"hint\":\"Looks good?\"}");
      case "message_created" -> {
        JsonNode contact = update.path("message").path("body").path("attachments").path(0);
        if (contact.path("type").asText().equals("contact")) {
          String vcf = contact.path("payload").path("vcf_info").asText();
          api.post("/messages?chat_id=" + update.path("message").path("recipient").path("chat_id").asLong(),
              BotApiClient.json("text", "Thanks, " + vcf.replaceAll("(?s).*TEL[^:]*:([^\\r\\n]*).*", "$1")));
        }
        String text = update.path("message").path("body").path("text").asText();
        if (inGroup(update) && !text.equals("/start") && !text.isEmpty()) {
          api.post("/messages?chat_id=" + update.path("message").path("recipient").path("chat_id").asLong(),
              BotApiClient.json("text", "Heard " + update.path("message").path("sender").path("name").asText()
                  + ": " + text));
        }
        if (text.equals("/start")) {
          long chatId = update.path("message").path("recipient").path("chat_id").asLong();
          api.post("/messages?chat_id=" + chatId, "{\"text\":\"**Welcome**! Ready?\",\"format\":\"markdown\","
              + "\"attachments\":[{\"type\":\"inline_keyboard\",\"payload\":{\"buttons\":[[{\"type\":"
              + "\"callback\",\"text\":\"Yes\",\"payload\":\"yes\",\"intent\":\"positive\"}]]}}]}");
        }
      }
      case "message_callback" -> {
        String callbackId = update.path("callback").path("callback_id").asText();
        long chatId = update.path("message").path("recipient").path("chat_id").asLong();
        api.post("/answers?callback_id=" + callbackId, BotApiClient.json("notification", "Got it"));
        String who = inGroup(update) ? update.path("callback").path("user").path("name").asText() : "You";
        api.post("/messages?chat_id=" + chatId, BotApiClient.json("text", who + " said yes"));
      }
      case "message_edited" -> api.post("/messages?chat_id="
          + update.path("message").path("recipient").path("chat_id").asLong(),
          BotApiClient.json("text", "You changed it to: " + update.path("message").path("body").path("text").asText()));
      case "message_removed" -> api.post("/messages?chat_id=" + update.path("chat_id").asLong(),
          BotApiClient.json("text", "You deleted " + update.path("message_id").asText()));
      case "bot_added" -> api.post("/messages?chat_id=" + update.path("chat_id").asLong(),
          BotApiClient.json("text", "Hello, everyone!"));
      default -> { }
    }
  }

  private static boolean inGroup(JsonNode update) {
    return update.path("message").path("recipient").path("chat_type").asText().equals("chat");
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(10_000);
  }
}
