package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code /me} and the {@code /chats} family: chats, members, pins and actions. A dialog answers as
 * it always did; a group chat goes to {@link GroupChatsApi}, and one the bot is not in now is
 * refused with 403 {@code chat.denied} (GET of the chat itself still shows its status).
 */
final class ChatsApi {
  private static final String ID = "/chats/(-?\\d+)";
  private static final Set<String> ACTIONS = Set.of("typing_on", "sending_photo", "sending_video",
      "sending_audio", "sending_file", "mark_seen");

  private final World world;
  private final GroupChatsApi groups;

  ChatsApi(World world) {
    this.world = world;
    this.groups = new GroupChatsApi(world);
  }

  void register(Routes routes) {
    routes.add("GET", "/me", call -> world.bot())
        .add("PATCH", "/me", call -> {
          world.patchBot(call.json());
          return world.bot();
        })
        .add("GET", "/chats", this::chats)
        .add("GET", ID, call -> chatJson(world.knownChat(call.pathLong(1)), true))
        .add("PATCH", ID, call -> groups.edit(group(call, "edit"), call.json()))
        .add("GET", "/chats/(@?[a-zA-Z][a-zA-Z0-9_\\-]*)", this::byLink)
        .add("POST", ID + "/actions", this::action)
        .add("GET", ID + "/members", this::members)
        .add("POST", ID + "/members", call -> groups.addMembers(group(call, "add members to"), call.json()))
        .add("DELETE", ID + "/members", call -> groups.removeMember(group(call, "remove members from"), call))
        .add("GET", ID + "/members/me", this::membership)
        .add("DELETE", ID + "/members/me", call -> groups.leave(group(call, "leave")))
        .add("GET", ID + "/members/admins", this::admins)
        .add("GET", ID + "/pin", this::pinned)
        .add("PUT", ID + "/pin", this::pin)
        .add("DELETE", ID + "/pin", call -> {
          pinnable(call).pin(null);
          return Json.success();
        });
  }

  private Conversation chat(Call call) {
    return world.requireChat(call.pathLong(1));
  }

  /** The group chat of the call; a dialog has no title or members to change, so it is refused. */
  private GroupChat group(Call call, String what) {
    if (chat(call) instanceof GroupChat group) {
      return group;
    }
    throw new ApiError(403, "access.denied", "The bot cannot " + what + " the dialog " + call.pathLong(1));
  }

  /** The chat to pin in: in a group only an admin may pin. */
  private Conversation pinnable(Call call) {
    Conversation chat = chat(call);
    if (chat instanceof GroupChat group) {
      GroupChatsApi.requireAdmin(group, "pin messages");
    }
    return chat;
  }

  private JsonNode membership(Call call) {
    Conversation chat = chat(call);
    return chat instanceof GroupChat group ? groups.botMember(group) : member(world.botUser(), chat);
  }

  private JsonNode admins(Call call) {
    if (chat(call) instanceof GroupChat group) {
      return groups.admins(group);
    }
    return Json.object().<ObjectNode>set("members", Json.array()).putNull("marker");
  }

  private JsonNode chats(Call call) {
    int count = call.intParam("count", 50, 1, 100);
    long marker = call.longParam("marker").orElse(0L);
    List<Conversation> all = new ArrayList<>(world.dialogs());
    all.addAll(world.knownGroups());
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
    return world.byUsername(link).map(dialog -> chatJson(dialog))
        .orElseThrow(() -> ApiError.notFound("Chat " + link + " not found"));
  }

  private JsonNode action(Call call) {
    Conversation chat = chat(call);
    String action = call.json().path("action").asText("");
    if (!ACTIONS.contains(action)) {
      throw ApiError.badRequest("Unknown action: '" + action + "'");
    }
    chat.emit(new ChatEvent.ActionShown(action));
    return Json.success();
  }

  private JsonNode members(Call call) {
    Conversation chat = chat(call);
    if (chat instanceof GroupChat group) {
      return groups.members(group, call);
    }
    Dialog dialog = (Dialog) chat;
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

  private ObjectNode member(JsonNode user, Conversation chat) {
    ObjectNode member = user.deepCopy();
    long now = world.clock.millis();
    member.put("last_access_time", now).put("is_owner", false).put("is_admin", false)
        .put("join_time", now - 60_000).putNull("permissions");
    return member;
  }

  private JsonNode pinned(Call call) {
    Conversation chat = chat(call);
    ObjectNode result = Json.object();
    result.set("message", chat.pinned().flatMap(chat::find).orElse(null));
    return result;
  }

  private JsonNode pin(Call call) {
    Conversation chat = pinnable(call);
    String mid = call.json().path("message_id").asText("");
    chat.find(mid).orElseThrow(() -> ApiError.notFound("Message " + mid + " not found"));
    chat.pin(mid);
    return Json.success();
  }

  private ArrayNode chatsJson(List<Conversation> chats) {
    ArrayNode list = Json.array();
    chats.forEach(c -> list.add(chatJson(c, false)));
    return list;
  }

  private ObjectNode chatJson(Conversation chat, boolean single) {
    return chat instanceof GroupChat group ? groups.chatJson(group, single) : chatJson((Dialog) chat);
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
