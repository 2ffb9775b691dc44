package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One dialog's constructor session as the schema describes it: the first input opens a session,
 * each {@code message_construction_request} carries the {@code data} of the bot's previous answer
 * in that session (null before the first answer), typed input is refused once the bot's last
 * answer did not set {@code allow_user_input}, and finishing posts every prepared message as a
 * {@code message_constructed} update and closes the session. Thread-safe: answers arrive on
 * server threads.
 */
final class ConstructorSessions {
  private final World world;
  private final Dialog dialog;
  private String open;
  private JsonNode lastAnswer;
  private long lastTimestamp;

  ConstructorSessions(World world, Dialog dialog) {
    this.world = world;
    this.dialog = dialog;
    dialog.listen(this::answered);
  }

  private synchronized void answered(ChatEvent event) {
    if (event instanceof ChatEvent.ConstructorAnswered answer && answer.sessionId().equals(open)) {
      lastAnswer = answer.answer();
    }
  }

  synchronized Optional<String> session() {
    return Optional.ofNullable(open);
  }

  synchronized Optional<JsonNode> answer() {
    return Optional.ofNullable(lastAnswer).map(JsonNode::deepCopy);
  }

  /** Sends typed messages (none when the user just opened the constructor). */
  synchronized String type(List<String> texts) {
    if (lastAnswer != null && !lastAnswer.path("allow_user_input").asBoolean(false)) {
      JsonNode allow = lastAnswer.get("allow_user_input");
      throw new IllegalStateException("the bot's last constructor answer does not allow user input"
          + " (allow_user_input is " + (allow == null ? "missing" : allow.toString()) + "); "
          + name() + " can only press " + buttonTexts());
    }
    ObjectNode input = Json.object().put("input_type", "message");
    ArrayNode messages = input.putArray("messages");
    texts.forEach(text -> messages.add(Json.object().put("text", text)));
    return request(input);
  }

  /** Presses the callback button with {@code payload} in the bot's last constructor keyboard. */
  synchronized String press(String payload) {
    if (!Conversation.hasCallback(buttons(), payload)) {
      throw new IllegalArgumentException("no callback button with payload '" + payload
          + "' in the constructor keyboard of " + name() + "; it has " + buttonTexts());
    }
    return request(Json.object().put("input_type", "callback").put("payload", payload));
  }

  private String request(ObjectNode input) {
    if (open == null) {
      open = world.newId();
      lastAnswer = null;
      world.constructorSessions.put(open, dialog);
    }
    ObjectNode update = update("message_construction_request");
    update.set("user", dialog.user);
    update.put("user_locale", dialog.locale).put("session_id", open);
    update.set("data", lastAnswer == null ? null : lastAnswer.get("data"));
    update.set("input", input);
    world.updates.publish(update);
    return open;
  }

  /** Posts the prepared messages, one {@code message_constructed} each, and closes the session. */
  synchronized String finish() {
    if (open == null) {
      throw new IllegalStateException(name() + " has no open constructor session");
    }
    JsonNode messages = lastAnswer == null ? Json.array() : lastAnswer.path("messages");
    if (messages.isEmpty() || !messages.get(0).isObject()) {
      throw new IllegalStateException("the bot's constructor answer has no message to send"
          + (lastAnswer == null ? " (it has not answered yet)" : ""));
    }
    String session = open;
    world.constructorSessions.remove(session);
    open = null;
    lastAnswer = null;
    dialog.constructorClosed();
    messages.forEach(message -> {
      if (message.isObject()) {
        publishConstructed(session, message);
      }
    });
    return session;
  }

  private void publishConstructed(String session, JsonNode message) {
    ObjectNode update = update("message_constructed").put("session_id", session);
    ObjectNode constructed = Json.object();
    constructed.set("sender", dialog.user);
    constructed.put("timestamp", update.path("timestamp").asLong());
    constructed.set("body", world.body((ObjectNode) message.deepCopy(), null));
    update.set("message", constructed);
    world.updates.publish(update);
  }

  /**
   * A constructor update stamped strictly after the previous one: constructor updates carry no id,
   * so receivers tell them apart by session, type and time, and a test clock that stands still
   * must not make two inputs (or two posted messages) look like one delivered twice.
   */
  private ObjectNode update(String type) {
    lastTimestamp = Math.max(world.clock.millis(), lastTimestamp + 1);
    return Json.object().put("update_type", type).put("timestamp", lastTimestamp);
  }

  private List<JsonNode> buttons() {
    List<JsonNode> all = new ArrayList<>();
    if (lastAnswer != null) {
      lastAnswer.path("keyboard").path("buttons").forEach(row -> row.forEach(all::add));
    }
    return all;
  }

  private List<String> buttonTexts() {
    return buttons().stream().map(b -> b.path("text").asText()).toList();
  }

  private String name() {
    return dialog.user.path("name").asText();
  }
}
