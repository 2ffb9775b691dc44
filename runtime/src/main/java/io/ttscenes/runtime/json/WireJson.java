package io.ttscenes.runtime.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration for the TamTam wire model ({@code io.ttscenes.api.model}).
 *
 * <ul>
 *   <li>Unknown properties are ignored: the server (and MAX) add fields over time.
 *   <li>Unknown enum values read as the constant marked {@code @JsonEnumDefaultValue}
 *       ({@code UNKNOWN}), so a new server value never fails a parse.
 *   <li>Null properties are not written ({@code NON_NULL}), so optional request fields are
 *       omitted instead of sent as {@code null}. Map entries are always written, nulls included,
 *       so the raw JSON of the {@code Unknown*} types round-trips unchanged.
 *   <li>A missing primitive or null for a primitive reads as its default instead of failing.
 *   <li>{@link java.util.Optional} is supported through the JDK 8 module, {@code java.time}
 *       types (in scene and session data) through the Java time module; dates are written as
 *       ISO-8601 text.
 * </ul>
 *
 * <p>Naming is not configured: the model spells every wire name in its annotations.
 */
public final class WireJson {
  /**
   * A shared mapper with this configuration. ObjectMapper is thread-safe once configured; do not
   * reconfigure this instance, call {@link #create()} for a mapper you want to change.
   */
  public static final ObjectMapper MAPPER = create();

  private WireJson() {}

  /** Returns a new mapper with the wire configuration; each call returns a distinct instance. */
  public static ObjectMapper create() {
    return JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
        .build();
  }
}
