package io.ttscenes.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ttscenes.api.Stale;
import io.ttscenes.runtime.json.WireJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wire form of typed payloads against forged and mismatched input. */
final class TypedPayloadsTest {
  record Vote(int option) {}

  record Essay(String text) {}

  record Comment(String text) {}

  private final TypedPayloads payloads = new TypedPayloads(new PayloadCodec(WireJson.create()));
  private final ObjectNode extras = JsonNodeFactory.instance.objectNode();

  @Test
  void aKeptPayloadIsRefusedUnderAnotherTypesTag() {
    String essay = payloads.button(extras, new Essay("x".repeat(1100)));
    String forged = essay.replace("~Essay.", "~Comment.");

    TypedPayloads.Decoded decoded = payloads.decodeButton(extras, forged,
        Map.of("Essay", Essay.class, "Comment", Comment.class));

    assertEquals(new TypedPayloads.Refused(Stale.Reason.INVALID), decoded);
    assertEquals(new TypedPayloads.Value(new Essay("x".repeat(1100))),
        payloads.decodeButton(extras, essay, Map.of("Essay", Essay.class, "Comment", Comment.class)));
  }

  @Test
  void aButtonOfAnExpiredSessionIsStaleInTheNextSessionAtTheSameScreenCount() {
    String old = payloads.button(extras, new Vote(1));
    ObjectNode next = JsonNodeFactory.instance.objectNode();
    payloads.button(next, new Vote(2));

    assertEquals(new TypedPayloads.Refused(Stale.Reason.OLDER_SCREEN),
        payloads.decodeButton(next, old, Map.of("Vote", Vote.class)));
  }

  @Test
  void forgedButtonBodiesAreRefusedAsInvalidWithoutThrowing() {
    Extras.stamp(extras);
    List<String> bodies = List.of("[1e99999]", "[99999999999999999999]", "[".repeat(1000), "{\"option\":1}",
        "[", "", "[\"a\"]", "[1,2]", "[[1]]", "[{}]", "null", "[1] x");
    for (String body : bodies) {
      TypedPayloads.Decoded decoded = payloads.decodeButton(extras, "~Vote.1.0:" + body, Map.of("Vote", Vote.class));
      assertInstanceOf(TypedPayloads.Refused.class, decoded, body);
    }
  }
}
