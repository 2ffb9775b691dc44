package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

/**
 * What the {@code /chats/{chatId}} family answers for a group chat: the Chat and ChatMember
 * shapes, and the calls that change it (edit, add and remove members, leave). The bot's own
 * changes publish no update to itself, as its own messages do not. Calls that need rights the
 * bot lacks answer 403 {@code access.denied}.
 */
final class GroupChatsApi {
  static final int TITLE_MAX = 200;
  private static final List<String> ADMIN_PERMISSIONS = List.of("read_all_messages",
      "add_remove_members", "add_admins", "change_chat_info", "pin_message", "write");

  private final World world;

  GroupChatsApi(World world) {
    this.world = world;
  }

  ObjectNode chatJson(GroupChat group, boolean single) {
    List<ObjectNode> messages = group.messages();
    long last = messages.isEmpty() ? world.clock.millis()
        : messages.get(messages.size() - 1).path("timestamp").asLong();
    List<GroupChat.Member> members = group.members();
    ObjectNode chat = Json.object().put("chat_id", group.chatId).put("type", group.chatType())
        .put("status", group.botStatus().orElseThrow()).put("title", group.title()).putNull("icon")
        .put("last_event_time", last)
        .put("participants_count", members.size() + (group.botActive() ? 1 : 0));
    // The schema shows the owner and the participants to chat admins only.
    if (group.botAdmin()) {
      chat.put("owner_id", group.ownerId());
      ObjectNode participants = chat.putObject("participants");
      members.forEach(m -> participants.put(Long.toString(m.userId()), m.joinTime()));
      participants.put(Long.toString(World.BOT_ID), group.botJoinTime());
    } else {
      chat.putNull("owner_id").putNull("participants");
    }
    chat.put("is_public", false).putNull("link").putNull("description")
        .putNull("dialog_with_user").put("messages_count", messages.size());
    if (single) {
      chat.set("pinned_message", group.pinned().flatMap(group::find).orElse(null));
    }
    return chat;
  }

  JsonNode edit(GroupChat group, JsonNode patch) {
    requireAdmin(group, "edit the chat");
    String title = Limits.optionalText(patch, "title");
    if (title != null && (title.isEmpty() || Limits.chars(title) > TITLE_MAX)) {
      throw ApiError.badRequest("title is " + Limits.chars(title) + " chars; it must be 1.." + TITLE_MAX);
    }
    String pin = Limits.optionalText(patch, "pin");
    if (pin != null) {
      group.find(pin).orElseThrow(() -> ApiError.notFound("Message " + pin + " not found"));
      group.pin(pin);
    }
    if (title != null) {
      group.rename(title);
    }
    return chatJson(group, true);
  }

  JsonNode members(GroupChat group, Call call) {
    // Schema: with user_ids "both `count` and `marker` are ignored".
    if (call.param("user_ids").isPresent()) {
      // A set that tolerates an id named twice (listed once); Set.of would refuse it.
      return byUserIds(group, new LinkedHashSet<>(List.of(call.param("user_ids").get().split(","))));
    }
    int count = call.intParam("count", 20, 1, 100);
    // The marker is the join position of the last member listed (the bot, listed first, is 0):
    // an index would shift and skip someone when a member of an earlier page leaves.
    long after = call.longParam("marker").orElse(-1L);
    List<ObjectNode> page = new ArrayList<>();
    if (after < 0) {
      page.add(botMember(group));
    }
    long last = Math.max(after, 0);
    NavigableMap<Long, GroupChat.Member> rest = group.byPosition().tailMap(last, false);
    for (Map.Entry<Long, GroupChat.Member> entry : rest.entrySet()) {
      if (page.size() == count) {
        return list(page).put("marker", last);
      }
      page.add(member(group, entry.getValue()));
      last = entry.getKey();
    }
    return list(page).putNull("marker");
  }

  private JsonNode byUserIds(GroupChat group, Set<String> wanted) {
    List<ObjectNode> all = new ArrayList<>();
    all.add(botMember(group));
    group.members().forEach(m -> all.add(member(group, m)));
    all.removeIf(m -> !wanted.contains(m.path("user_id").asText()));
    return list(all).putNull("marker");
  }

  JsonNode admins(GroupChat group) {
    requireAdmin(group, "list the admins");
    List<ObjectNode> admins = new ArrayList<>();
    admins.add(botMember(group));
    group.members().stream().filter(GroupChat.Member::admin).forEach(m -> admins.add(member(group, m)));
    return list(admins).putNull("marker");
  }

  JsonNode addMembers(GroupChat group, JsonNode body) {
    requireAdmin(group, "add members");
    JsonNode ids = body.get("user_ids");
    if (ids == null || !ids.isArray()) {
      throw ApiError.badRequest("user_ids must be an array of user ids");
    }
    Set<Dialog> users = new LinkedHashSet<>();
    for (JsonNode id : ids) {
      users.add(world.user(id.asLong()).orElseThrow(() -> ApiError.notFound("User " + id + " not found")));
    }
    users.forEach(d -> group.add(new GroupChat.Member(d.user, world.clock.millis(), false)));
    return Json.success();
  }

  JsonNode removeMember(GroupChat group, Call call) {
    long userId = call.longParam("user_id").orElseThrow(() -> new ApiError(400, "proto.invalid",
        "Missing required parameter: user_id"));
    call.param("block").ifPresent(v -> {
      if (!v.equals("true") && !v.equals("false")) {
        throw ApiError.invalidParam("block", v);
      }
    });
    requireAdmin(group, "remove members");
    if (userId == group.ownerId()) {
      throw new ApiError(403, "access.denied", "The owner of chat " + group.chatId + " cannot be removed");
    }
    if (!group.remove(userId)) {
      throw ApiError.notFound("User " + userId + " is not a member of chat " + group.chatId);
    }
    return Json.success();
  }

  JsonNode leave(GroupChat group) {
    group.botGone("left");
    return Json.success();
  }

  ObjectNode botMember(GroupChat group) {
    ObjectNode member = world.botUser().put("last_access_time", world.clock.millis())
        .put("is_owner", false).put("is_admin", group.botAdmin()).put("join_time", group.botJoinTime());
    return permissions(member, group.botAdmin());
  }

  private ObjectNode member(GroupChat group, GroupChat.Member m) {
    ObjectNode member = m.user().deepCopy().put("last_access_time", m.joinTime())
        .put("is_owner", m.userId() == group.ownerId()).put("is_admin", m.admin())
        .put("join_time", m.joinTime());
    return permissions(member, m.admin());
  }

  private static ObjectNode permissions(ObjectNode member, boolean admin) {
    if (admin) {
      ArrayNode list = member.putArray("permissions");
      ADMIN_PERMISSIONS.forEach(list::add);
    } else {
      member.putNull("permissions");
    }
    return member;
  }

  private static ObjectNode list(List<ObjectNode> members) {
    ArrayNode array = Json.array();
    members.forEach(array::add);
    ObjectNode result = Json.object();
    result.set("members", array);
    return result;
  }

  static void requireAdmin(GroupChat group, String what) {
    if (!group.botAdmin()) {
      throw new ApiError(403, "access.denied", "The bot must be an administrator of chat "
          + group.chatId + " to " + what);
    }
  }
}
