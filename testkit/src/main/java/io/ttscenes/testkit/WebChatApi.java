package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;

/**
 * The small JSON API behind the web chat, under {@code /_emu/}: list and create users, read a
 * dialog by long poll, and act as the user (edits and deletions of their messages included);
 * group chats are under {@code /_emu/groups} ({@link WebGroupsApi}). Separate from the Bot API
 * and not token-protected.
 */
final class WebChatApi {
  private static final String CHAT = "/_emu/chats/(\\d+)";
  private final Emulator emulator;
  private final WebGroupsApi groups;

  WebChatApi(Emulator emulator, WebGroupsApi groups) {
    this.emulator = emulator;
    this.groups = groups;
  }

  void register(Routes routes) {
    routes.add("GET", "/_emu/info", call -> emulator.info())
        .add("GET", "/_emu/users", call -> users())
        .add("POST", "/_emu/users", call -> {
          String name = Limits.requiredText(call.json(), "name").trim();
          if (name.isEmpty() || name.length() > 64) {
            throw ApiError.badRequest("name must be 1..64 chars");
          }
          return userJson(emulator.user(name));
        })
        .add("GET", CHAT, this::view)
        .add("POST", CHAT + "/text", call -> {
          user(call).sendText(Limits.requiredText(call.json(), "text"));
          return Json.success();
        })
        .add("POST", CHAT + "/callback", call -> {
          EmulatedUser user = user(call);
          ButtonPress.Target button = ButtonPress.of(call.json()).target(user.dialog(), "the dialog");
          user.pressOn(button.mid(), button.payload());
          return Json.success();
        })
        .add("POST", CHAT + "/edit", call -> {
          JsonNode body = call.json();
          user(call).editMessage(Limits.requiredText(body, "mid"), Limits.requiredText(body, "text"));
          return Json.success();
        })
        .add("POST", CHAT + "/delete", call -> {
          user(call).deleteMessage(Limits.requiredText(call.json(), "mid"));
          return Json.success();
        })
        .add("POST", CHAT + "/contact", call -> {
          user(call).shareContact(call.json().path("phone").asText("+10000000000"));
          return Json.success();
        })
        .add("POST", CHAT + "/location", call -> {
          JsonNode body = call.json();
          user(call).shareLocation(number(body, "latitude"), number(body, "longitude"));
          return Json.success();
        })
        .add("POST", CHAT + "/start", call -> {
          String payload = Json.textOrNull(call.json(), "payload");
          user(call).startWithPayload(payload == null || payload.isEmpty() ? null : payload);
          return Json.success();
        })
        .add("POST", CHAT + "/construct", this::construct)
        .add("POST", CHAT + "/construct/finish", call -> {
          user(call).finishConstruction();
          return Json.success();
        });
    groups.register(routes);
  }

  private static double number(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      throw ApiError.badRequest(field + " is required (a number)");
    }
    if (!value.isNumber()) {
      throw ApiError.badRequest(field + " must be a number");
    }
    return value.asDouble();
  }

  private JsonNode users() {
    ArrayNode list = Json.array();
    emulator.users().forEach(user -> list.add(userJson(user)));
    return Json.object().set("users", list);
  }

  private static JsonNode userJson(EmulatedUser user) {
    return Json.object().put("user_id", user.userId()).put("chat_id", user.chatId())
        .put("name", user.name());
  }

  private EmulatedUser user(Call call) {
    long chatId = call.pathLong(1);
    return emulator.userByChat(chatId).orElseThrow(() -> ApiError.notFound("No user chat " + chatId));
  }

  private JsonNode view(Call call) throws InterruptedException {
    long after = call.longParam("after").orElse(-1L);
    int wait = call.intParam("wait", 0, 0, 60);
    return emulator.conversation(call.pathLong(1)).view(after, Duration.ofSeconds(wait));
  }

  private JsonNode construct(Call call) {
    JsonNode body = call.json();
    String payload = Json.textOrNull(body, "payload");
    if (payload != null) {
      user(call).pressConstructorButton(payload);
    } else {
      user(call).construct(Limits.requiredText(body, "text"));
    }
    return Json.success();
  }
}
