package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * A user's constructor sessions: one open session per dialog, carrying the bot's last
 * {@code data} into the next {@code message_construction_request}, until the user finishes.
 */
final class ConstructorSessions {
  private final World world;

  ConstructorSessions(World world) {
    this.world = world;
  }

  String request(Dialog dialog, ObjectNode input) {
    String session = session(dialog).orElseGet(() -> {
      String id = world.newId();
      world.constructorSessions.put(id, dialog);
      return id;
    });
    ObjectNode update = world.update("message_construction_request");
    update.set("user", dialog.user);
    update.put("user_locale", dialog.locale).put("session_id", session);
    update.set("data", dialog.constructorAnswer().map(a -> a.get("data")).orElse(null));
    update.set("input", input);
    world.updates.publish(update);
    return session;
  }

  private Optional<String> session(Dialog dialog) {
    return world.constructorSessions.entrySet().stream().filter(e -> e.getValue() == dialog)
        .map(Map.Entry::getKey).findFirst();
  }

  void finish(Dialog dialog) {
    String session = session(dialog).orElseThrow(() ->
        new IllegalStateException(dialog.user.path("name").asText() + " has no open constructor session"));
    JsonNode answer = dialog.constructorAnswer().orElseThrow(() ->
        new IllegalStateException("the bot has not answered the constructor yet"));
    JsonNode first = answer.path("messages").path(0);
    if (!first.isObject()) {
      throw new IllegalStateException("the bot's constructor answer has no message to send");
    }
    ObjectNode request = (ObjectNode) first.deepCopy();
    ObjectNode constructed = Json.object();
    constructed.set("sender", dialog.user);
    constructed.put("timestamp", world.clock.millis());
    constructed.set("body", world.body(request, null));
    ObjectNode update = world.update("message_constructed").put("session_id", session);
    update.set("message", constructed);
    world.constructorSessions.remove(session);
    world.updates.publish(update);
  }
}
