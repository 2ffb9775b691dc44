package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.Optional;

/**
 * Writes a record as the compact JSON array of its components ({@code [3,"tea"]}) and reads it
 * back, so a typed payload spends its few characters on values, not on names. Thread-safe.
 */
final class PayloadCodec {
  private final ObjectMapper mapper;

  PayloadCodec(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The components of {@code value} (a record) as a JSON array. */
  String write(Object value) {
    JsonNode tree = mapper.valueToTree(value);
    ArrayNode array = mapper.createArrayNode();
    for (RecordComponent component : value.getClass().getRecordComponents()) {
      JsonNode field = tree.get(component.getName());
      array.add(field == null ? NullNode.getInstance() : field);
    }
    try {
      return mapper.writeValueAsString(array);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("typed payload " + value + " cannot be written as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /** The record of {@code type} that {@code body} holds; empty when it does not decode into one. */
  <T> Optional<T> read(String body, Class<T> type) {
    try {
      // Trailing tokens refused: one value has one payload, "[1] x" is not another spelling of "[1]".
      JsonNode array = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
      RecordComponent[] components = type.getRecordComponents();
      if (!array.isArray() || array.size() != components.length) {
        return Optional.empty();
      }
      ObjectNode object = mapper.createObjectNode();
      for (int i = 0; i < components.length; i++) {
        object.set(components[i].getName(), array.get(i));
      }
      return Optional.ofNullable(mapper.treeToValue(object, type));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
