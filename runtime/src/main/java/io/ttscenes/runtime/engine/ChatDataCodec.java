package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ttscenes.api.Bot;
import io.ttscenes.api.DataVersions;
import java.nio.charset.StandardCharsets;

/**
 * The stored form of a bot's chat data. At version 1 it is the data's own JSON, as before chat
 * data had versions; from version 2 on it is wrapped as {@code {"@version":n,"@data":...}}, which no
 * version-1 data has (it would need properties named with an {@code @}). Reading migrates and binds
 * strictly through {@link VersionedData}. Thread-safe.
 */
final class ChatDataCodec {
  static final String VERSION = "@version";
  static final String DATA = "@data";

  private final Bot bot;
  private final ObjectMapper mapper;
  private final VersionedData versioned;

  ChatDataCodec(Bot bot, ObjectMapper mapper) {
    this.bot = bot;
    this.mapper = mapper;
    this.versioned = new VersionedData(mapper);
  }

  /** {@code value} as stored JSON; throws {@link UnwritableStateException} when Jackson cannot write it. */
  String encode(Object value) {
    DataVersions versions = bot.chatDataVersions();
    try {
      // Through UTF-8 bytes, as session data: a lone surrogate is escaped rather than lost.
      Object stored = versions.version() == 1 ? value : mapper.createObjectNode()
          .put(VERSION, versions.version()).set(DATA, mapper.valueToTree(value));
      return new String(mapper.writeValueAsBytes(stored), StandardCharsets.UTF_8);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new UnwritableStateException("could not write chat data as JSON: " + e.getMessage(), e);
    }
  }

  /** The stored {@code json} migrated to this deploy's version and bound strictly to {@code type}. */
  <C> C decode(String json, Class<C> type) throws VersionedData.Unreadable {
    JsonNode node;
    try {
      node = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      // The location only: Jackson's message may quote the stored text.
      throw new VersionedData.Unreadable(VersionedData.Reason.NOT_DECODED, "is not readable JSON (at line "
          + (e.getLocation() == null ? -1 : e.getLocation().getLineNr()) + ")");
    }
    if (isWrapped(node)) {
      return versioned.read(node.get(DATA), node.get(VERSION).intValue(), bot.chatDataVersions(), type);
    }
    return versioned.read(node, null, bot.chatDataVersions(), type);
  }

  /** Whether {@code node} is the version-2-and-later wrapper: exactly a whole-number version and the data. */
  static boolean isWrapped(JsonNode node) {
    return node instanceof ObjectNode object && object.size() == 2 && object.path(VERSION).isIntegralNumber()
        && object.path(VERSION).canConvertToInt() && object.has(DATA);
  }
}
