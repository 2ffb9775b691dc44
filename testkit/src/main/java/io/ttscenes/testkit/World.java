package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything the emulator knows: the bot, the users and their dialogs, the group chats, the
 * messages, callbacks and constructor sessions waiting for answers. Thread-safe: maps are
 * concurrent and each conversation guards its own messages.
 */
final class World {
  static final long BOT_ID = 90_000_001L;

  final Clock clock;
  final Uploads uploads = new Uploads();
  final UpdateHub updates;
  private final ObjectNode bot;
  private final AtomicLong userIds = new AtomicLong(100_000);
  private final AtomicLong chatIds = new AtomicLong(200_000);
  // Group chats get negative ids, as TamTam and MAX give them, so they never meet a dialog's.
  private final AtomicLong groupIds = new AtomicLong(70_000_000_000_000L);
  // One message id space for every emulator of the JVM, started from the wall clock so a restarted
  // emulator process moves on past the last: TamTam never hands out a mid twice, and a bot that
  // keeps its store across a restart or deploy dedupes by mid, so a repeated one would be skipped.
  private static final AtomicLong MESSAGE_SEQ = new AtomicLong(System.currentTimeMillis() * 1_000L);
  private final Map<Long, Dialog> dialogsByChat = new ConcurrentHashMap<>();
  private final Map<Long, Dialog> dialogsByUser = new ConcurrentHashMap<>();
  private final Map<Long, GroupChat> groupsByChat = new ConcurrentHashMap<>();
  private final Map<String, Conversation> chatsByMid = new ConcurrentHashMap<>();
  final Map<String, Callback> callbacks = new ConcurrentHashMap<>();
  final Map<String, Dialog> constructorSessions = new ConcurrentHashMap<>();
  private volatile Attachments attachments;

  /** A pressed callback button waiting for the bot's answer, and who pressed it (User JSON). */
  record Callback(Conversation chat, String mid, JsonNode user) {}

  World(Clock clock, WebhookRetry retry) {
    this.clock = clock;
    this.updates = new UpdateHub(clock, retry);
    this.bot = Json.object().put("user_id", BOT_ID).put("name", "Emulator Bot")
        .put("username", "emulator_bot").put("is_bot", true)
        .put("last_activity_time", clock.millis());
    bot.putNull("description");
    bot.putArray("commands");
  }

  void baseUrl(String baseUrl) {
    attachments = new Attachments(uploads, baseUrl + "/_files/",
        id -> user(id).map(d -> (JsonNode) d.user).orElse(NullNode.getInstance()));
  }

  synchronized ObjectNode bot() {
    return bot.deepCopy().put("last_activity_time", clock.millis());
  }

  synchronized void patchBot(JsonNode patch) {
    String name = Limits.optionalText(patch, "name");
    if (name != null && (name.isEmpty() || name.length() > 64)) {
      throw ApiError.badRequest("name is " + name.length() + " chars; it must be 1..64");
    }
    String description = Limits.optionalText(patch, "description");
    Limits.maxLength("description", description, 16_000);
    JsonNode commands = patch.get("commands");
    if (commands != null && !commands.isNull()) {
      validateCommands(commands);
      bot.set("commands", commands.deepCopy());
    }
    if (name != null) {
      bot.put("name", name);
    }
    if (patch.has("description")) {
      bot.put("description", description);
    }
  }

  private static void validateCommands(JsonNode commands) {
    if (!commands.isArray() || commands.size() > Limits.COMMANDS) {
      throw ApiError.badRequest("commands must be an array of at most " + Limits.COMMANDS);
    }
    for (JsonNode command : commands) {
      String name = command.path("name").asText("");
      if (name.isEmpty() || name.length() > 64) {
        throw ApiError.badRequest("command name is " + name.length() + " chars; it must be 1..64");
      }
      Limits.maxLength("command description", Limits.optionalText(command, "description"), 128);
    }
  }

  ObjectNode botUser() {
    ObjectNode user = bot();
    user.remove(List.of("description", "commands"));
    return user;
  }

  Dialog createUser(String name, String locale) {
    long id = userIds.incrementAndGet();
    String username = name.toLowerCase().replaceAll("[^a-z0-9_]", "_") + "_" + id;
    ObjectNode user = Json.object().put("user_id", id).put("name", name)
        .put("username", username).put("is_bot", false).put("last_activity_time", clock.millis());
    Dialog dialog = new Dialog(chatIds.incrementAndGet(), user, locale);
    dialogsByChat.put(dialog.chatId, dialog);
    dialogsByUser.put(id, dialog);
    return dialog;
  }

  Optional<Dialog> user(long userId) {
    return Optional.ofNullable(dialogsByUser.get(userId));
  }

  Optional<Conversation> chat(long chatId) {
    return Optional.<Conversation>ofNullable(dialogsByChat.get(chatId))
        .or(() -> Optional.ofNullable(groupsByChat.get(chatId)));
  }

  GroupChat createGroup(String title, GroupChat.Member owner, boolean channel) {
    return createGroup(-groupIds.incrementAndGet(), title, owner, channel);
  }

  /** A group with a chosen id: negative, as TamTam's group ids are, and not taken yet. */
  synchronized GroupChat createGroup(long chatId, String title, GroupChat.Member owner, boolean channel) {
    if (chatId >= 0) {
      throw new IllegalArgumentException("group chat id " + chatId + " must be negative, as TamTam's are");
    }
    if (chat(chatId).isPresent()) {
      throw new IllegalArgumentException("chat id " + chatId + " is taken already");
    }
    GroupChat group = new GroupChat(chatId, title, owner, channel);
    groupsByChat.put(group.chatId, group);
    return group;
  }

  /** The group chats the bot was ever added to, oldest first. */
  List<GroupChat> knownGroups() {
    List<GroupChat> list = new ArrayList<>(groupsByChat.values());
    list.removeIf(g -> g.botStatus().isEmpty());
    list.sort((a, b) -> Long.compare(b.chatId, a.chatId));
    return list;
  }

  /**
   * A chat the bot knows: every dialog, and a group chat it was ever added to (a group it never
   * joined does not exist for it, so the API answers 404 as for an unknown id).
   */
  Conversation knownChat(long chatId) {
    return chat(chatId).filter(c -> !(c instanceof GroupChat g) || g.botStatus().isPresent())
        .orElseThrow(() -> new ApiError(404, "chat.not.found", "Chat " + chatId + " not found"));
  }

  /** A chat the bot may act in: refuses with 403 {@code chat.denied} a group it is not in now. */
  Conversation requireChat(long chatId) {
    return requireAccess(knownChat(chatId));
  }

  /**
   * Refuses with 403 {@code chat.denied} when {@code chat} is a group the bot is not in now, or
   * the dialog of a user who blocked the bot.
   */
  static <C extends Conversation> C requireAccess(C chat) {
    if (chat instanceof Dialog dialog && dialog.botBlocked) {
      throw new ApiError(403, "chat.denied", "User " + dialog.userId() + " blocked the bot");
    }
    if (chat instanceof GroupChat group && !group.botActive()) {
      throw new ApiError(403, "chat.denied", "Bot is not a member of chat " + chat.chatId
          + " (status: " + group.botStatus().orElse("never added") + ")");
    }
    return chat;
  }

  Optional<Conversation> byMid(String mid) {
    return Optional.ofNullable(chatsByMid.get(mid));
  }

  Optional<Dialog> byUsername(String username) {
    String name = username.startsWith("@") ? username.substring(1) : username;
    return dialogsByChat.values().stream()
        .filter(d -> d.user.path("username").asText().equalsIgnoreCase(name)).findFirst();
  }

  List<Dialog> dialogs() {
    List<Dialog> list = new ArrayList<>(dialogsByChat.values());
    list.sort((a, b) -> Long.compare(a.chatId, b.chatId));
    return list;
  }

  /** Builds a MessageBody from a NewMessageBody; {@code previous} keeps absent fields on edit. */
  ObjectNode body(JsonNode request, ObjectNode previous) {
    String text = Limits.optionalText(request, "text");
    Limits.maxLength("text", text, Limits.TEXT);
    ObjectNode body = Json.object();
    long number = MESSAGE_SEQ.incrementAndGet();
    body.put("mid", previous != null ? previous.path("mid").asText() : "mid." + hex(number));
    body.put("seq", previous != null ? previous.path("seq").asLong() : number);
    boolean keepText = previous != null && !request.has("text");
    String format = Limits.optionalText(request, "format");
    if (keepText) {
      body.set("text", previous.get("text"));
      copyIfPresent(previous, body, "markup");
    } else if (text != null && format != null) {
      Formatting.Formatted formatted = Formatting.apply(text, format);
      body.put("text", formatted.text());
      body.set("markup", formatted.markup());
    } else {
      body.put("text", text);
    }
    JsonNode requested = request.get("attachments");
    if (requested == null || requested.isNull()) {
      copyIfPresent(previous, body, "attachments");
    } else {
      body.set("attachments", attachments.convert(requested));
    }
    if (body.path("text").asText("").isEmpty() && body.path("attachments").isEmpty()) {
      throw ApiError.badRequest("Message must have text or attachments");
    }
    return body;
  }

  private static void copyIfPresent(ObjectNode from, ObjectNode to, String field) {
    if (from != null && from.has(field)) {
      to.set(field, from.get(field));
    }
  }

  private static String hex(long number) {
    return String.format("%016x%016x", BOT_ID, number);
  }

  /**
   * The body of a forward: a mid and seq of its own and no text; what was forwarded is in the
   * message's link, as TamTam delivers it.
   */
  ObjectNode forwardBody() {
    long number = MESSAGE_SEQ.incrementAndGet();
    ObjectNode body = Json.object().put("mid", "mid." + hex(number)).put("seq", number);
    body.putNull("text");
    return body;
  }

  /** A Message in {@code chat}; {@code sender} is null for a post on behalf of a channel. */
  ObjectNode message(ObjectNode sender, Conversation chat, ObjectNode body, JsonNode link) {
    ObjectNode message = Json.object();
    message.set("sender", sender);
    ObjectNode recipient = Json.object().put("chat_id", chat.chatId).put("chat_type", chat.chatType());
    if (chat instanceof Dialog dialog) {
      recipient.put("user_id", sender.path("is_bot").asBoolean() ? dialog.userId() : BOT_ID);
    } else {
      recipient.putNull("user_id");
    }
    message.set("recipient", recipient);
    message.put("timestamp", clock.millis());
    if (link != null) {
      message.set("link", link);
    }
    message.set("body", body);
    chatsByMid.put(body.path("mid").asText(), chat);
    return message;
  }

  /** Resolves a NewMessageLink (reply/forward) into the LinkedMessage a message carries. */
  JsonNode link(JsonNode request) {
    JsonNode link = request.get("link");
    if (link == null || link.isNull()) {
      return null;
    }
    String type = link.path("type").asText("");
    if (!type.equals("reply") && !type.equals("forward")) {
      throw ApiError.badRequest("link.type must be reply or forward; got '" + type + "'");
    }
    String mid = link.path("mid").asText("");
    // A message of a group the bot is not in now is refused as GET /messages/{mid} refuses it.
    Conversation chat = requireAccess(byMid(mid)
        .orElseThrow(() -> ApiError.badRequest("Linked message not found: " + mid)));
    ObjectNode target = chat.find(mid).orElseThrow(() -> ApiError.badRequest("Linked message not found: " + mid));
    ObjectNode linked = Json.object().put("type", type);
    linked.set("sender", target.get("sender"));
    linked.put("chat_id", chat.chatId);
    linked.set("message", target.get("body"));
    return linked;
  }

  ObjectNode update(String type) {
    return Json.object().put("update_type", type).put("timestamp", clock.millis());
  }

  String newId() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
