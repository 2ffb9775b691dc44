package io.ttscenes.runtime.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.client.BotApi;
import io.ttscenes.api.testing.SharedFiles;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every operation of the schema has a {@link BotApi} method, and every one of its query and path
 * parameters is exercised by {@link OperationsTest} (which checks this table against what its
 * tests really sent). A parameter added to the schema fails here until a test covers it.
 */
final class SchemaCoverageTest {
  /** operationId -> the parameters OperationsTest checks on the wire. */
  static final Map<String, Set<String>> PARAMETERS = Map.ofEntries(
      Map.entry("getMyInfo", Set.of()),
      Map.entry("editMyInfo", Set.of()),
      Map.entry("getChats", Set.of("count", "marker")),
      Map.entry("getChatByLink", Set.of("chatLink")),
      Map.entry("getChat", Set.of("chatId")),
      Map.entry("editChat", Set.of("chatId")),
      Map.entry("sendAction", Set.of("chatId")),
      Map.entry("getPinnedMessage", Set.of("chatId")),
      Map.entry("pinMessage", Set.of("chatId")),
      Map.entry("unpinMessage", Set.of("chatId")),
      Map.entry("getMembership", Set.of("chatId")),
      Map.entry("leaveChat", Set.of("chatId")),
      Map.entry("getAdmins", Set.of("chatId")),
      Map.entry("getMembers", Set.of("chatId", "user_ids", "marker", "count")),
      Map.entry("addMembers", Set.of("chatId")),
      Map.entry("removeMember", Set.of("chatId", "user_id", "block")),
      Map.entry("getSubscriptions", Set.of()),
      Map.entry("subscribe", Set.of()),
      Map.entry("unsubscribe", Set.of("url")),
      Map.entry("getUploadUrl", Set.of("type")),
      Map.entry("getMessages", Set.of("chat_id", "message_ids", "from", "to", "count")),
      Map.entry("sendMessage", Set.of("user_id", "chat_id", "disable_link_preview")),
      Map.entry("editMessage", Set.of("message_id")),
      Map.entry("deleteMessage", Set.of("message_id")),
      Map.entry("getMessageById", Set.of("messageId")),
      Map.entry("answerOnCallback", Set.of("callback_id")),
      Map.entry("construct", Set.of("session_id")),
      Map.entry("getUpdates", Set.of("limit", "timeout", "marker", "types")));

  private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

  @Test
  void everySchemaOperationAndParameterIsCovered() throws Exception {
    Map<String, Object> schema;
    try (InputStream in = Files.newInputStream(SharedFiles.tamtamSchema())) {
      schema = new Yaml().load(in);
    }
    Set<String> apiMethods = new TreeSet<>();
    for (Method method : BotApi.class.getMethods()) {
      apiMethods.add(method.getName());
    }
    List<String> misses = new ArrayList<>();
    int operations = 0;
    int coveredOperations = 0;
    int parameters = 0;
    int coveredParameters = 0;
    for (Object pathItem : map(schema.get("paths")).values()) {
      for (Map.Entry<String, Object> op : map(pathItem).entrySet()) {
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        String id = (String) map(op.getValue()).get("operationId");
        operations++;
        if (apiMethods.contains(id)) {
          coveredOperations++;
        } else {
          misses.add("no BotApi method " + id);
        }
        Set<String> claimed = PARAMETERS.getOrDefault(id, Set.of());
        for (String parameter : parameterNames(op.getValue())) {
          parameters++;
          if (claimed.contains(parameter)) {
            coveredParameters++;
          } else {
            misses.add(id + " parameter " + parameter + " is not exercised");
          }
        }
      }
    }
    System.out.println("operation coverage: " + coveredOperations + "/" + operations
        + " operations, " + coveredParameters + "/" + parameters + " parameters");
    assertTrue(operations > 0, "the schema has no operations");
    assertTrue(misses.isEmpty(), "missing:\n  " + String.join("\n  ", misses));
  }

  private static List<String> parameterNames(Object operation) {
    Object parameters = map(operation).get("parameters");
    if (parameters == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (Object parameter : (List<?>) parameters) {
      Map<String, Object> p = map(parameter);
      if (Arrays.asList("query", "path").contains(p.get("in"))) {
        names.add((String) p.get("name"));
      }
    }
    return names;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
