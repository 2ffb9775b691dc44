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
  /**
   * One line; {@code earlier} holds the mids of the messages it came after, oldest first (empty:
   * before every message).
   */
  private record Line(long id, List<String> earlier, String text) {}

  private final List<Line> lines = new ArrayList<>();

  /**
   * Runs {@code action} (a change to {@code group} that may throw and then leaves no line) and
   * adds {@code text} after the message that was newest before it, so the bot's answers to the
   * change come after the line.
   */
  void record(GroupChat group, Runnable action, String text) {
    List<String> earlier = group.messages().stream().map(Conversation::mid).toList();
    action.run();
    synchronized (this) {
      lines.add(new Line(lines.size() + 1, earlier, text));
    }
    // After the line is in: a poll woken by the change itself might otherwise miss the line.
    group.touch();
  }

  /**
   * The lines as JSON ({@code id}, {@code text}, {@code after_mid}) against {@code messages}: each
   * follows the newest message still present among those it came after, so a deleted message
   * moves its line back, never past a message that came later.
   */
  synchronized ArrayNode toJson(List<ObjectNode> messages) {
    Set<String> present = messages.stream().map(Conversation::mid).collect(Collectors.toSet());
    ArrayNode result = Json.array();
    for (Line line : lines) {
      String after = null;
      for (int i = line.earlier().size() - 1; i >= 0 && after == null; i--) {
        String mid = line.earlier().get(i);
        after = present.contains(mid) ? mid : null;
      }
      result.add(Json.object().put("id", line.id()).put("text", line.text()).put("after_mid", after));
    }
    return result;
  }
}
