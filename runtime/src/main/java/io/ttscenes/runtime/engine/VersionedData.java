package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ttscenes.api.DataVersions;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Reads the author's scene and session data as stored: migrated from its stored version to the
 * current one, then bound strictly, so a field the type no longer has (renamed or removed by a
 * deploy) fails instead of reading as null. Failures carry a reason and a detail free of the data's
 * values, fit for a log line. Thread-safe.
 */
final class VersionedData {
  /** Why stored data could not be read. */
  enum Reason {
    /** The stored version is newer than this deploy's (a rolled-back deploy). */
    FUTURE_VERSION,
    /** No chain of declared migrations leads from the stored version to this one. */
    NOT_MIGRATED,
    /** A declared migration threw or returned nothing. */
    MIGRATION_FAILED,
    /** The (migrated) data does not bind to the type: unknown field, wrong type, missing required field. */
    NOT_DECODED;

    /** The reason as a metric tag. */
    String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Stored data that could not be read, with a detail naming fields and versions, never values. */
  static final class Unreadable extends Exception {
    private final Reason reason;

    Unreadable(Reason reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }

    Reason reason() {
      return reason;
    }
  }

  private final ObjectMapper mapper;
  private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();
  private final Map<Class<?>, Set<String>> writtenNames = new ConcurrentHashMap<>();

  VersionedData(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The version to store with data under {@code versions}: null for version 1, as before versions existed. */
  static Integer stamp(DataVersions versions) {
    return versions.version() == 1 ? null : versions.version();
  }

  /**
   * The strict reader of {@code type}: a stored property the type does not have fails, unless the
   * type itself writes it (a derived getter such as {@code getTotal()} is stored but has nothing to
   * read into; refusing it would reset every session of such a type).
   */
  ObjectReader strict(Class<?> type) {
    return readers.computeIfAbsent(type, t -> mapper.readerFor(t)
        .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).withHandler(new WrittenOnly()));
  }

  /** Skips a property without a mutator only when its type writes it (a derived, read-only property). */
  private final class WrittenOnly extends DeserializationProblemHandler {
    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser parser,
        JsonDeserializer<?> deserializer, Object beanOrClass, String name) throws IOException {
      Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
      if (!writtenNames.computeIfAbsent(type, this::written).contains(name)) {
        return false;
      }
      parser.skipChildren();
      return true;
    }

    private Set<String> written(Class<?> type) {
      return mapper.getSerializationConfig().introspect(mapper.constructType(type)).findProperties().stream()
          .filter(BeanPropertyDefinition::couldSerialize).map(BeanPropertyDefinition::getName)
          .collect(Collectors.toUnmodifiableSet());
    }
  }

  /** {@code node}, stored at {@code stored} (null: 1), as {@code type} at the current version. */
  <T> T read(JsonNode node, Integer stored, DataVersions versions, Class<T> type) throws Unreadable {
    int from = stored == null ? 1 : stored;
    JsonNode current = from == versions.version() ? node : migrated(node, from, versions);
    Object value;
    try {
      value = strict(type).readValue(current == null ? mapper.nullNode() : current);
    } catch (IOException | IllegalArgumentException e) {
      throw new Unreadable(Reason.NOT_DECODED, "does not fit " + type.getName() + " " + where(e));
    }
    if (!type.isInstance(value)) {
      throw new Unreadable(Reason.NOT_DECODED, "is empty, not a " + type.getName());
    }
    return type.cast(value);
  }

  private static ObjectNode migrated(JsonNode node, int from, DataVersions versions) throws Unreadable {
    if (from > versions.version()) {
      throw new Unreadable(Reason.FUTURE_VERSION, "is version " + from + ", newer than this deploy's "
          + versions.version());
    }
    if (!(node instanceof ObjectNode object)) {
      throw new Unreadable(Reason.NOT_MIGRATED, "of version " + from + " is not a JSON object");
    }
    for (int at = from; at < versions.version(); at++) {
      if (!versions.migratesFrom(at)) {
        throw new Unreadable(Reason.NOT_MIGRATED, "is version " + from + " and no migration goes from "
            + at + " to " + (at + 1));
      }
    }
    try {
      return versions.upgrade(object.deepCopy(), from);
    } catch (RuntimeException e) {
      // The author's exception message may quote the data: only its type is told.
      throw new Unreadable(Reason.MIGRATION_FAILED, "of version " + from + ": a migration failed with "
          + e.getClass().getName());
    }
  }

  /** Where binding failed, by field names only: Jackson's own message may quote a stored value. */
  private static String where(Exception e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "(field '" + unknown.getPropertyName() + "' is not part of it)";
    }
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return "(at " + mapping.getPathReference() + ": " + e.getClass().getSimpleName() + ")";
    }
    return "(" + e.getClass().getSimpleName() + ")";
  }
}
