package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web chat's group chats, under {@code /_emu/groups}: create one (its creator owns it and adds
 * the bot), read it by long poll with its system lines, and act in it as a chosen member: post,
 * press buttons, edit and delete own messages, add and remove members, rename, add or remove the
 * bot. Only the groups created here, or shown with {@link #show}, are listed. Errors: 404 for an unknown group or person, 403
 * for a person acting in a group they are not in, 400 for a bad value. Thread-safe.
 */
final class WebGroupsApi {
  private static final String GROUP = "/_emu/groups/(-?\\d+)";

  /** A group the page created and the system lines it shows in it. */
  private record Entry(EmulatedChat chat, GroupLog log) {}

  private final Emulator emulator;
  private final Map<Long, Entry> groups = new ConcurrentHashMap<>();

  WebGroupsApi(Emulator emulator) {
    this.emulator = emulator;
  }

  void register(Routes routes) {
    routes.add("GET", "/_emu/groups", call -> list())
        .add("POST", "/_emu/groups", call -> create(call.json()))
        .add("GET", GROUP, this::view)
        .add("POST", GROUP + "/text", call -> act(call, (chat, user, body) ->
            chat.sendText(user, Limits.requiredText(body, "text"))))
        .add("POST", GROUP + "/reply", call -> act(call, (chat, user, body) ->
            chat.replyTo(user, Limits.requiredText(body, "mid"), Limits.requiredText(body, "text"))))
        .add("POST", GROUP + "/callback", call -> act(call, (chat, user, body) -> {
          ButtonPress.Target button = ButtonPress.of(body).target(chat.group(), chat.title());
          return chat.pressOn(user, button.mid(), button.payload());
        }))
        .add("POST", GROUP + "/edit", call -> act(call, (chat, user, body) ->
            chat.editMessage(user, Limits.requiredText(body, "mid"), Limits.requiredText(body, "text"))))
        .add("POST", GROUP + "/delete", call -> act(call, (chat, user, body) ->
            chat.deleteMessage(user, Limits.requiredText(body, "mid"))))
        .add("POST", GROUP + "/members", call -> change(call, this::addMember))
        .add("POST", GROUP + "/members/remove", call -> change(call, this::removeMember))
        .add("POST", GROUP + "/title", call -> change(call, WebGroupsApi::rename))
        .add("POST", GROUP + "/bot", call -> change(call, (chat, by, body) -> bot(chat, by, true)))
        .add("POST", GROUP + "/bot/remove", call -> change(call, (chat, by, body) -> bot(chat, by, false)));
  }

  /** One action of a member, given the chat, the acting member and the request body. */
  private interface Action {
    Object run(EmulatedChat chat, EmulatedUser user, JsonNode body);
  }

  private JsonNode act(Call call, Action action) {
    Entry entry = entry(call);
    JsonNode body = call.json();
    action.run(entry.chat(), member(entry.chat(), body, "user_id"), body);
    return Json.success();
  }

  private JsonNode list() {
    List<Entry> entries = new ArrayList<>(groups.values());
    entries.sort((a, b) -> Long.compare(b.chat().chatId(), a.chat().chatId()));
    ArrayNode list = Json.array();
    entries.forEach(e -> list.add(summary(e.chat())));
    return Json.object().set("groups", list);
  }

  private JsonNode create(JsonNode body) {
    EmulatedUser owner = person(body, "owner_id");
    String title = Limits.requiredText(body, "title").trim();
    JsonNode ids = body.path("member_ids");
    if (!ids.isMissingNode() && !ids.isArray()) {
      throw ApiError.badRequest("member_ids must be an array of user ids");
    }
    List<EmulatedUser> members = new ArrayList<>();
    for (JsonNode id : ids) {
      if (!id.canConvertToLong() || !id.isIntegralNumber()) {
        throw ApiError.badRequest("member_ids must be an array of user ids (numbers); found " + id);
      }
      members.add(person(id.asLong(), "member_ids"));
    }
    members.removeIf(m -> m.userId() == owner.userId());
    EmulatedChat chat = emulator.groupChat(title, owner, members.toArray(EmulatedUser[]::new));
    GroupLog log = new GroupLog();
    log.record(chat.group(), () -> { }, owner.name() + " created the group \u201c" + title + "\u201d");
    log.record(chat.group(), () -> chat.addBot(owner), owner.name() + " added the bot");
    groups.put(chat.chatId(), new Entry(chat, log));
    return summary(chat);
  }

  /** Lists {@code chat}, made through the emulator's Java API by {@code owner}, with the page's groups. */
  void show(EmulatedChat chat, EmulatedUser owner) {
    GroupLog log = new GroupLog();
    log.record(chat.group(), () -> { }, owner.name() + " created the group \u201c" + chat.title() + "\u201d");
    groups.put(chat.chatId(), new Entry(chat, log));
  }

  /** A member's change to the group: what it does and the system line it leaves when it succeeds. */
  private record Change(Runnable action, String line) {}

  /** Makes the change of member {@code by} (field {@code by_id}) from the request body. */
  private interface Manager {
    Change of(EmulatedChat chat, EmulatedUser by, JsonNode body);
  }

  private JsonNode change(Call call, Manager manager) {
    Entry entry = entry(call);
    JsonNode body = call.json();
    Change change = manager.of(entry.chat(), member(entry.chat(), body, "by_id"), body);
    entry.log().record(entry.chat().group(), change.action(), change.line());
    return summary(entry.chat());
  }

  private Change addMember(EmulatedChat chat, EmulatedUser by, JsonNode body) {
    EmulatedUser user = person(body, "user_id");
    return new Change(() -> chat.add(user, by), by.name() + " added " + user.name());
  }

  private Change removeMember(EmulatedChat chat, EmulatedUser by, JsonNode body) {
    EmulatedUser user = person(body, "user_id");
    if (user.userId() == by.userId()) {
      return new Change(() -> chat.leave(user), user.name() + " left");
    }
    return new Change(() -> chat.remove(user, by), by.name() + " removed " + user.name());
  }

  private static Change rename(EmulatedChat chat, EmulatedUser by, JsonNode body) {
    String title = Limits.requiredText(body, "title").trim();
    return new Change(() -> chat.rename(title, by),
        by.name() + " renamed the group to \u201c" + title + "\u201d");
  }

  private static Change bot(EmulatedChat chat, EmulatedUser by, boolean add) {
    return add ? new Change(() -> chat.addBot(by), by.name() + " added the bot")
        : new Change(() -> chat.removeBot(by), by.name() + " removed the bot");
  }

  private JsonNode view(Call call) throws InterruptedException {
    Entry entry = entry(call);
    long after = call.longParam("after").orElse(-1L);
    int wait = call.intParam("wait", 0, 0, 60);
    ObjectNode view = entry.chat().group().view(after, Duration.ofSeconds(wait));
    List<ObjectNode> messages = new ArrayList<>();
    view.path("messages").forEach(m -> messages.add((ObjectNode) m));
    view.set("system", entry.log().toJson(messages));
    return view;
  }

  private static ObjectNode summary(EmulatedChat chat) {
    ObjectNode json = Json.object().put("chat_id", chat.chatId()).put("title", chat.title())
        .put("bot_status", chat.botStatus().orElse(null));
    ArrayNode members = json.putArray("members");
    chat.members().forEach(m -> members.add(Json.object().put("user_id", m.userId()).put("name", m.name())));
    return json;
  }

  private Entry entry(Call call) {
    long chatId = call.pathLong(1);
    Entry entry = groups.get(chatId);
    if (entry == null) {
      throw ApiError.notFound("No group chat " + chatId);
    }
    return entry;
  }

  /** The person named by {@code field}, who must be a member of {@code chat} (403 otherwise). */
  private EmulatedUser member(EmulatedChat chat, JsonNode body, String field) {
    EmulatedUser user = person(body, field);
    if (chat.members().stream().noneMatch(m -> m.userId() == user.userId())) {
      throw new ApiError(403, "chat.denied", user.name() + " (" + field + " " + user.userId()
          + ") is not a member of " + chat.title());
    }
    return user;
  }

  private EmulatedUser person(JsonNode body, String field) {
    JsonNode id = body.path(field);
    if (!id.canConvertToLong() || !id.isIntegralNumber()) {
      throw ApiError.badRequest(field + " is required: the user_id of a person");
    }
    return person(id.asLong(), field);
  }

  private EmulatedUser person(long userId, String field) {
    return emulator.users().stream().filter(u -> u.userId() == userId).findFirst()
        .orElseThrow(() -> ApiError.notFound("No user " + userId + " (" + field + ")"));
  }
}
