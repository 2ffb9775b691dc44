package io.ttscenes.runtime.json;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.testing.SharedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks the model against {@code tamtam-schema.yaml}: every schema has a Java type, every
 * property (inherited ones included) a JSON property of that wire name, every enum value a
 * constant that reads and writes it, and every discriminator mapping a subtype it parses into.
 * All misses are reported at once.
 */
final class SchemaCoverageTest {
  private static final ObjectMapper MAPPER = WireJson.create();
  private static final Map<String, String> JAVA_NAMES = Map.of("Error", "ApiError", "Keyboard", "KeyboardPayload");
  private static final Set<String> EXEMPT = Set.of("bigint");

  private final List<String> misses = new ArrayList<>();
  private final int[] schemas = new int[2];
  private final int[] properties = new int[2];
  private final int[] enumValues = new int[2];
  private final int[] mappings = new int[2];

  @Test
  void everySchemaPropertyEnumValueAndMappingHasAJavaCounterpart() throws IOException {
    Map<String, Map<String, Object>> all = loadSchemas();
    all.forEach((name, schema) -> {
      if (!EXEMPT.contains(name)) {
        checkSchema(all, name, schema);
      }
    });
    String coverage = String.format(
        "model coverage: %d/%d schemas, %d/%d properties, %d/%d enum values, %d/%d discriminator"
            + " mappings", schemas[0], schemas[1], properties[0], properties[1], enumValues[0],
        enumValues[1], mappings[0], mappings[1]);
    System.out.println(coverage);
    assertTrue(misses.isEmpty(), coverage + "\nmissing:\n  " + String.join("\n  ", misses));
    assertTrue(schemas[1] > 100, "suspiciously few schemas read: " + coverage);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> loadSchemas() throws IOException {
    try (InputStream in = Files.newInputStream(
        SharedFiles.tamtamSchema())) {
      Map<String, Object> root = new Yaml().load(in);
      Map<String, Object> components = (Map<String, Object>) root.get("components");
      return (Map<String, Map<String, Object>>) components.get("schemas");
    }
  }

  private void checkSchema(Map<String, Map<String, Object>> all, String name,
      Map<String, Object> schema) {
    schemas[1]++;
    Class<?> type = javaType(name);
    if (type == null) {
      misses.add("schema " + name + ": no class " + javaName(name));
      return;
    }
    schemas[0]++;
    if (schema.containsKey("enum")) {
      checkEnum(name, type, schema);
    } else {
      checkProperties(name, type, inheritedProperties(all, schema));
    }
    checkMappings(name, type, schema);
  }

  private void checkProperties(String name, Class<?> type, Set<String> wireNames) {
    BeanDescription bean = MAPPER.getSerializationConfig().introspect(MAPPER.constructType(type));
    Set<String> javaNames = bean.findProperties().stream()
        .map(BeanPropertyDefinition::getName).collect(Collectors.toSet());
    for (String wire : wireNames) {
      properties[1]++;
      if (javaNames.contains(wire)) {
        properties[0]++;
      } else {
        misses.add("property " + name + "." + wire + ": not a JSON property of "
            + type.getSimpleName() + " (has " + javaNames + ")");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Set<String> inheritedProperties(Map<String, Map<String, Object>> all,
      Map<String, Object> schema) {
    Set<String> names = new LinkedHashSet<>();
    Object own = schema.get("properties");
    if (own instanceof Map<?, ?> map) {
      names.addAll(((Map<String, Object>) map).keySet());
    }
    Object allOf = schema.get("allOf");
    if (allOf instanceof List<?> parts) {
      for (Object part : parts) {
        Map<String, Object> p = (Map<String, Object>) part;
        Object ref = p.get("$ref");
        names.addAll(inheritedProperties(all, ref == null ? p : all.get(refName(ref))));
      }
    }
    return names;
  }

  @SuppressWarnings("unchecked")
  private void checkEnum(String name, Class<?> type, Map<String, Object> schema) {
    for (Object value : (List<Object>) schema.get("enum")) {
      enumValues[1]++;
      String json = "\"" + value + "\"";
      try {
        Object constant = MAPPER.readValue(json, type);
        if (!"UNKNOWN".equals(((Enum<?>) constant).name())
            && json.equals(MAPPER.writeValueAsString(constant))) {
          enumValues[0]++;
          continue;
        }
      } catch (IOException | ClassCastException e) {
        // reported below with the other misses
      }
      misses.add("enum value " + name + "." + value + ": no constant of " + type.getSimpleName());
    }
  }

  @SuppressWarnings("unchecked")
  private void checkMappings(String name, Class<?> type, Map<String, Object> schema) {
    Map<String, Object> discriminator = (Map<String, Object>) schema.get("discriminator");
    if (discriminator == null) {
      return;
    }
    String property = (String) discriminator.get("propertyName");
    Map<String, Object> mapping = (Map<String, Object>) discriminator.get("mapping");
    mapping.forEach((wire, ref) -> {
      mappings[1]++;
      Class<?> expected = javaType(refName(ref));
      Object parsed = parse(type, "{\"" + property + "\":\"" + wire + "\"}");
      if (expected != null && expected.isInstance(parsed)) {
        mappings[0]++;
      } else {
        misses.add("mapping " + name + "." + property + "=" + wire + ": parsed as "
            + (parsed == null ? "an error" : parsed.getClass().getSimpleName())
            + " instead of " + javaName(refName(ref)));
      }
    });
    Object future = parse(type, "{\"" + property + "\":\"added_in_a_later_version\"}");
    if (future == null || !future.getClass().getSimpleName().startsWith("Unknown")) {
      misses.add("family " + name + ": an unknown " + property + " does not parse to an Unknown*"
          + " variant");
    }
  }

  private static Object parse(Class<?> type, String json) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      return null;
    }
  }

  private static String refName(Object ref) {
    String s = ref.toString();
    return s.substring(s.lastIndexOf('/') + 1);
  }

  private static String javaName(String schema) {
    return JAVA_NAMES.getOrDefault(schema, schema);
  }

  private static Class<?> javaType(String schema) {
    try {
      return Class.forName(Update.class.getPackageName() + "." + javaName(schema));
    } catch (ClassNotFoundException e) {
      return null;
    }
  }
}
