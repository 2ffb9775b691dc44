package io.ttscenes.example.faq.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML document read into nodes that remember where they stand in the file, so that checks made
 * after parsing (a duplicate id, an unknown locale) can still name the line. Jackson's own tree
 * drops positions, hence this small reader over its streaming parser.
 */
final class YamlTree {
  private static final YAMLFactory YAML = new YAMLFactory();

  /** A 1-based line and column. */
  record Position(int line, int column) {
    static Position of(JsonLocation location) {
      return new Position(location.getLineNr(), location.getColumnNr());
    }
  }

  /** A node of the document. */
  sealed interface Node {
    Position at();
  }

  /** A scalar; {@code value} is null for YAML's null ({@code ~} or nothing). */
  record Scalar(String value, Position at) implements Node {}

  /** A list. */
  record Sequence(List<Node> items, Position at) implements Node {}

  /** A mapping in file order; {@code keys} holds where each key was written. */
  record Mapping(Map<String, Node> values, Map<String, Position> keys, Position at) implements Node {}

  private final String source;
  private final JsonParser parser;

  private YamlTree(String source, JsonParser parser) {
    this.source = source;
    this.parser = parser;
  }

  /** Reads the single document of {@code yaml}; throws {@link FaqFileException} on a syntax error. */
  static Node read(String source, Reader yaml) {
    try (JsonParser parser = YAML.createParser(yaml)) {
      YamlTree tree = new YamlTree(source, parser);
      if (parser.nextToken() == null) {
        throw new FaqFileException(source, new Position(1, 1), "the file is empty");
      }
      return tree.node();
    } catch (StreamReadException e) {
      JsonLocation at = e.getLocation() == null ? JsonLocation.NA : e.getLocation();
      throw new FaqFileException(source, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()),
          "not valid YAML: " + problem(e), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
  }

  /** SnakeYAML's own message repeats the file excerpt; its problem and context are enough. */
  private static String problem(StreamReadException e) {
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
      return yaml.getProblem() + (yaml.getContext() == null || yaml.getContextMark() == null ? ""
          : " (" + yaml.getContext() + " from line " + (yaml.getContextMark().getLine() + 1) + ")");
    }
    return e.getOriginalMessage();
  }

  private Node node() throws IOException {
    Position at = Position.of(parser.currentTokenLocation());
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      return mapping(at);
    }
    if (token == JsonToken.START_ARRAY) {
      List<Node> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(node());
      }
      return new Sequence(items, at);
    }
    return new Scalar(token == JsonToken.VALUE_NULL ? null : parser.getText(), at);
  }

  private Mapping mapping(Position at) throws IOException {
    Map<String, Node> values = new LinkedHashMap<>();
    Map<String, Position> keys = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      Position keyAt = Position.of(parser.currentTokenLocation());
      if (keys.containsKey(key)) {
        throw new FaqFileException(source, keyAt, "'" + key + "' appears twice in one mapping (first at line "
            + keys.get(key).line() + ")");
      }
      keys.put(key, keyAt);
      parser.nextToken();
      values.put(key, node());
    }
    return new Mapping(values, keys, at);
  }
}
