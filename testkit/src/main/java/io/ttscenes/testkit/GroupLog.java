package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The system lines the web chat shows in a group ("Alice added the bot", "Bob left"): what the
 * page's people did to the chat, each placed after the message that was last when it happened.
 * Thread-safe.
 */
final class GroupLog {
  /** One line; {@code afterMid} null places it before every message; {@code timestamp} is that message's. */
  private record Line(long id, long timestamp, String afterMid, String text) {}

  private final List<Line> lines = new ArrayList<>();

  /**
   * Runs {@code action} (a change to {@code group} that may throw and then leaves no line) and
   * adds {@code text} after the message that was newest before it, so the bot's answers to the
   * change come after the line.
   */
  void record(GroupChat group, Runnable action, String text) {
    List<ObjectNode> messages = group.messages();
    ObjectNode newest = messages.isEmpty() ? null : messages.get(messages.size() - 1);
    action.run();
    synchronized (this) {
      lines.add(new Line(lines.size() + 1, newest == null ? Long.MIN_VALUE : newest.path("timestamp").asLong(),
          newest == null ? null : Conversation.mid(newest), text));
    }
  }

  /**
   * The lines as JSON ({@code id}, {@code text}, {@code after_mid}) against {@code messages}: a
   * line whose message was deleted since follows the newest message no later than itself.
   */
  synchronized ArrayNode toJson(List<ObjectNode> messages) {
    Set<String> present = messages.stream().map(Conversation::mid).collect(Collectors.toSet());
    ArrayNode result = Json.array();
    for (Line line : lines) {
      String after = line.afterMid();
      if (after != null && !present.contains(after)) {
        after = null;
        for (ObjectNode message : messages) {
          if (message.path("timestamp").asLong() <= line.timestamp()) {
            after = Conversation.mid(message);
          }
        }
      }
      result.add(Json.object().put("id", line.id()).put("text", line.text()).put("after_mid", after));
    }
    return result;
  }
}
