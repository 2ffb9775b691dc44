package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The session's stack of suspended callers of sub-dialogs, stored in its extras as {@code d}:
 * each frame holds the caller's scene, step and data and the scene it called. Bounded, so a scene
 * calling itself by mistake fails at once instead of growing the session forever.
 */
final class DialogStack {
  /** Sub-dialogs nested deeper than this are refused. */
  static final int MAX_DEPTH = 8;

  private static final String STACK = "d";

  /** A suspended caller; {@code version} is its data's (null: version 1), stored as {@code v}. */
  record Frame(String scene, String step, JsonNode data, Integer version, String callee) {}

  private DialogStack() {}

  static int depth(ObjectNode extras) {
    JsonNode stack = extras.get(STACK);
    return stack == null ? 0 : stack.size();
  }

  static void push(ObjectNode extras, Frame frame) {
    ArrayNode stack = extras.has(STACK) ? (ArrayNode) extras.get(STACK) : extras.putArray(STACK);
    ObjectNode node = stack.addObject().put("c", frame.scene()).put("e", frame.callee());
    if (frame.step() != null) {
      node.put("t", frame.step());
    }
    node.set("d", frame.data());
    if (frame.version() != null) {
      node.put("v", frame.version());
    }
  }

  static Optional<Frame> pop(ObjectNode extras) {
    JsonNode stack = extras.get(STACK);
    if (!(stack instanceof ArrayNode array) || array.isEmpty()) {
      return Optional.empty();
    }
    JsonNode top = array.remove(array.size() - 1);
    if (array.isEmpty()) {
      extras.remove(STACK);
    }
    return Optional.of(new Frame(top.path("c").asText(), top.hasNonNull("t") ? top.get("t").asText() : null,
        top.get("d"), top.hasNonNull("v") ? top.get("v").asInt() : null, top.path("e").asText()));
  }

  static void clear(ObjectNode extras) {
    extras.remove(STACK);
  }
}
