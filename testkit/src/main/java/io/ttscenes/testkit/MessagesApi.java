package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code /messages}, {@code /messages/{id}}, {@code /answers} and {@code /answers/constructor}. */
final class MessagesApi {
  private final World world;

  MessagesApi(World world) {
    this.world = world;
  }

  void register(Routes routes) {
    routes.add("POST", "/messages", this::send)
        .add("PUT", "/messages", this::edit)
        .add("DELETE", "/messages", this::delete)
        .add("GET", "/messages", this::list)
        .add("GET", "/messages/([a-zA-Z0-9_.\\-]+)", this::one)
        .add("POST", "/answers", this::answer)
        .add("POST", "/answers/constructor", this::construct);
  }

  private JsonNode send(Call call) {
    Conversation chat = target(call);
    // A channel's subscribers only read it, and a bot added without admin rights is one.
    if (chat instanceof GroupChat group && group.channel) {
      GroupChatsApi.requireAdmin(group, "post in the channel");
    }
    call.param("disable_link_preview").ifPresent(v -> booleanParam("disable_link_preview", v));
    JsonNode request = call.json();
    ObjectNode message = world.message(world.botUser(), chat, world.body(request, null),
        world.link(request));
    chat.add(message);
    chat.emit(new ChatEvent.MessageSent(new BotMessage(message)));
    ObjectNode result = Json.object();
    result.set("message", message);
    return result;
  }

  private static void booleanParam(String name, String value) {
    if (!value.equals("true") && !value.equals("false")) {
      throw ApiError.invalidParam(name, value);
    }
  }

  private Conversation target(Call call) {
    Optional<Long> chatId = call.longParam("chat_id");
    Optional<Long> userId = call.longParam("user_id");
    if (chatId.isPresent()) {
      return world.requireChat(chatId.get());
    }
    if (userId.isPresent()) {
      return World.requireAccess(world.user(userId.get()).orElseThrow(() -> new ApiError(404, "chat.not.found",
          "Dialog with user " + userId.get() + " not found")));
    }
    throw new ApiError(400, "proto.invalid", "chat_id or user_id is required");
  }

  private JsonNode edit(Call call) {
    String mid = call.requiredParam("message_id");
    ObjectNode edited = editMessage(mid, call.json());
    world.byMid(mid).orElseThrow().emit(new ChatEvent.MessageEdited(new BotMessage(edited)));
    return Json.success();
  }

  /** Replaces a bot message's body, keeping what the request leaves out. */
  private ObjectNode editMessage(String mid, JsonNode request) {
    Conversation chat = World.requireAccess(world.byMid(mid)
        .orElseThrow(() -> ApiError.notFound("Message " + mid + " not found")));
    ObjectNode message = chat.find(mid).orElseThrow(() -> ApiError.notFound("Message " + mid + " not found"));
    if (!message.path("sender").path("is_bot").asBoolean()) {
      throw new ApiError(403, "access.denied", "The bot can edit only its own messages");
    }
    ObjectNode edited = message.deepCopy();
    edited.set("body", world.body(request, (ObjectNode) message.get("body")));
    chat.replace(edited);
    return edited;
  }

  private JsonNode delete(Call call) {
    String mid = call.requiredParam("message_id");
    Conversation chat = World.requireAccess(world.byMid(mid)
        .orElseThrow(() -> ApiError.notFound("Message " + mid + " not found")));
    ObjectNode message = chat.find(mid).orElseThrow(() -> ApiError.notFound("Message " + mid + " not found"));
    // Schema: a chat's messages only "if bot has permission to delete messages"; its own it may.
    if (chat instanceof GroupChat group && !message.path("sender").path("is_bot").asBoolean()) {
      GroupChatsApi.requireAdmin(group, "delete messages of others");
    }
    if (!chat.remove(mid)) {
      throw ApiError.notFound("Message " + mid + " not found");
    }
    chat.emit(new ChatEvent.MessageDeleted(mid));
    return Json.success();
  }

  private JsonNode list(Call call) {
    int count = call.intParam("count", 50, 1, 100);
    List<ObjectNode> found = new ArrayList<>();
    Optional<String> ids = call.param("message_ids");
    if (ids.isPresent()) {
      for (String mid : Arrays.asList(ids.get().split(","))) {
        world.byMid(mid.trim()).filter(MessagesApi::readable).flatMap(c -> c.find(mid.trim()))
            .ifPresent(found::add);
      }
    } else {
      long chatId = call.longParam("chat_id").orElseThrow(() ->
          new ApiError(400, "proto.invalid", "chat_id or message_ids is required"));
      long from = call.longParam("from").orElse(Long.MAX_VALUE);
      long to = call.longParam("to").orElse(Long.MIN_VALUE);
      List<ObjectNode> all = world.requireChat(chatId).messages();
      for (int i = all.size() - 1; i >= 0 && found.size() < count; i--) {
        long time = all.get(i).path("timestamp").asLong();
        if (time <= from && time >= to) {
          found.add(all.get(i));
        }
      }
    }
    ArrayNode messages = Json.array();
    found.forEach(messages::add);
    return Json.object().set("messages", messages);
  }

  private JsonNode one(Call call) {
    String mid = call.path.group(1);
    Conversation chat = World.requireAccess(world.byMid(mid)
        .orElseThrow(() -> ApiError.notFound("Message " + mid + " not found")));
    return chat.find(mid).orElseThrow(() -> ApiError.notFound("Message " + mid + " not found"));
  }

  /** Whether the bot may read the chat now: any dialog, a group only while it is a member. */
  private static boolean readable(Conversation chat) {
    return !(chat instanceof GroupChat group) || group.botActive();
  }

  private JsonNode answer(Call call) {
    String callbackId = call.requiredParam("callback_id");
    World.Callback callback = Optional.ofNullable(world.callbacks.get(callbackId))
        .orElseThrow(() -> ApiError.notFound("Callback " + callbackId + " not found"));
    World.requireAccess(callback.chat());
    JsonNode answer = call.json();
    JsonNode message = answer.get("message");
    String notification = Limits.optionalText(answer, "notification");
    boolean hasMessage = message != null && !message.isNull();
    if (!hasMessage && notification == null) {
      throw ApiError.badRequest("Answer must have message or notification");
    }
    Limits.maxLength("notification", notification, Limits.TEXT);
    if (hasMessage) {
      ObjectNode edited = editMessage(callback.mid(), message);
      callback.chat().emit(new ChatEvent.MessageEdited(new BotMessage(edited)));
    }
    if (notification != null) {
      callback.chat().emitNotification(notification, callback.user());
    }
    return Json.success();
  }

  private JsonNode construct(Call call) {
    String session = call.requiredParam("session_id");
    Dialog dialog = Optional.ofNullable(world.constructorSessions.get(session))
        .orElseThrow(() -> ApiError.notFound("Constructor session " + session + " not found"));
    JsonNode answer = call.json();
    Limits.constructorAnswer(answer);
    dialog.emit(new ChatEvent.ConstructorAnswered(session, answer));
    return Json.success();
  }
}
