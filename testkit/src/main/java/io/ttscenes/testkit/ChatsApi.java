package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/** {@code /me} and the {@code /chats} family: chats, members, pins and actions. */
final class ChatsApi {
  private static final String ID = "/chats/(-?\\d+)";
  private static final Set<String> ACTIONS = Set.of("typing_on", "sending_photo", "sending_video",
      "sending_audio", "sending_file", "mark_seen");

  private final World world;

  ChatsApi(World world) {
    this.world = world;
  }

  void register(Routes routes) {
    routes.add("GET", "/me", call -> world.bot())
        .add("PATCH", "/me", call -> {
          world.patchBot(call.json());
          return world.bot();
        })
        .add("GET", "/chats", this::chats)
        .add("GET", ID, call -> chatJson(chat(call)))
        .add("GET", "/chats/(@?[a-zA-Z][a-zA-Z0-9_\\-]*)", this::byLink)
        .add("POST", ID + "/actions", this::action)
        .add("GET", ID + "/members", this::members)
        .add("GET", ID + "/members/me", call -> member(world.botUser(), chat(call)))
        .add("GET", ID + "/members/admins", call -> Json.object().<ObjectNode>set("members", Json.array())
            .putNull("marker"))
        .add("GET", ID + "/pin", this::pinned)
        .add("PUT", ID + "/pin", this::pin)
        .add("DELETE", ID + "/pin", call -> {
          chat(call).pin(null);
          return Json.success();
        });
  }

  private Dialog chat(Call call) {
    return world.requireChat(call.pathLong(1));
  }

  private JsonNode chats(Call call) {
    int count = call.intParam("count", 50, 1, 100);
    long marker = call.longParam("marker").orElse(0L);
    List<Dialog> all = world.dialogs();
    int from = (int) Math.min(Math.max(marker, 0), all.size());
    int to = Math.min(from + count, all.size());
    ObjectNode result = Json.object();
    result.set("chats", chatsJson(all.subList(from, to)));
    if (to < all.size()) {
      result.put("marker", to);
    } else {
      result.putNull("marker");
    }
    return result;
  }

  private JsonNode byLink(Call call) {
    String link = call.path.group(1);
    return world.byUsername(link).map(this::chatJson)
        .orElseThrow(() -> ApiError.notFound("Chat " + link + " not found"));
  }

  private JsonNode action(Call call) {
    Dialog dialog = chat(call);
    String action = call.json().path("action").asText("");
    if (!ACTIONS.contains(action)) {
      throw ApiError.badRequest("Unknown action: '" + action + "'");
    }
    dialog.emit(new ChatEvent.ActionShown(action));
    return Json.success();
  }

  private JsonNode members(Call call) {
    Dialog dialog = chat(call);
    call.intParam("count", 20, 1, 100);
    ArrayNode members = Json.array();
    members.add(member(dialog.user, dialog));
    members.add(member(world.botUser(), dialog));
    call.param("user_ids").ifPresent(ids -> {
      Set<String> wanted = Set.of(ids.split(","));
      members.removeIf(m -> !wanted.contains(m.path("user_id").asText()));
    });
    ObjectNode result = Json.object();
    result.set("members", members);
    return result.putNull("marker");
  }

  private ObjectNode member(JsonNode user, Dialog dialog) {
    ObjectNode member = user.deepCopy();
    long now = world.clock.millis();
    member.put("last_access_time", now).put("is_owner", false).put("is_admin", false)
        .put("join_time", now - 60_000).putNull("permissions");
    return member;
  }

  private JsonNode pinned(Call call) {
    Dialog dialog = chat(call);
    ObjectNode result = Json.object();
    result.set("message", dialog.pinned().flatMap(dialog::find).orElse(null));
    return result;
  }

  private JsonNode pin(Call call) {
    Dialog dialog = chat(call);
    String mid = call.json().path("message_id").asText("");
    dialog.find(mid).orElseThrow(() -> ApiError.notFound("Message " + mid + " not found"));
    dialog.pin(mid);
    return Json.success();
  }

  private ArrayNode chatsJson(List<Dialog> dialogs) {
    ArrayNode list = Json.array();
    dialogs.forEach(d -> list.add(chatJson(d)));
    return list;
  }

  private ObjectNode chatJson(Dialog dialog) {
    ObjectNode chat = Json.object().put("chat_id", dialog.chatId).put("type", "dialog")
        .put("status", "active").putNull("title").putNull("icon");
    List<ObjectNode> messages = dialog.messages();
    long last = messages.isEmpty() ? world.clock.millis()
        : messages.get(messages.size() - 1).path("timestamp").asLong();
    chat.put("last_event_time", last).put("participants_count", 2).put("is_public", false)
        .putNull("link").putNull("description");
    chat.set("dialog_with_user", dialog.user);
    chat.put("messages_count", messages.size());
    return chat;
  }
}
