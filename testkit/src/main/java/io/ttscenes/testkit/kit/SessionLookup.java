package io.ttscenes.testkit.kit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.api.Bot;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.store.ChatKeys;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.runtime.json.WireJson;
import io.ttscenes.testkit.EmulatedUser;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a user's session the way the engine does: the key comes from the bot's own session key
 * strategy applied to a message the user could send, the data from the store.
 */
final class SessionLookup {
  private final Bot bot;
  private final SessionStore store;
  private final Clock clock;
  private final ObjectMapper mapper = WireJson.create();

  SessionLookup(Bot bot, SessionStore store, Clock clock) {
    this.bot = bot;
    this.store = store;
    this.clock = clock;
  }

  String key(EmulatedUser user) {
    return key(user, user.chatId(), "dialog");
  }

  /** The key of what {@code user} writes in the chat {@code chatId} of type {@code chatType}. */
  String key(EmulatedUser user, long chatId, String chatType) {
    Map<String, Object> message = Map.of(
        "sender", user.json(),
        "recipient", Map.of("chat_id", chatId, "chat_type", chatType),
        "timestamp", clock.millis(),
        "body", Map.of("mid", "session-key-probe", "seq", 0, "text", ""));
    return messageKey(message);
  }

  /**
   * The key of a post on behalf of the channel {@code chatId}: it carries no sender, so the bot's
   * strategy sees the chat alone.
   */
  String channelPostKey(long chatId) {
    Map<String, Object> message = Map.of(
        "recipient", Map.of("chat_id", chatId, "chat_type", "channel"),
        "timestamp", clock.millis(),
        "body", Map.of("mid", "session-key-probe", "seq", 0, "text", ""));
    return messageKey(message);
  }

  private String messageKey(Map<String, Object> message) {
    Update probe = mapper.convertValue(Map.of("update_type", "message_created",
        "timestamp", clock.millis(), "message", message), Update.class);
    return stored(bot.sessionKeys().keyOf(probe));
  }

  /** A bot with chat data keeps its members' sessions under chat-scoped keys, as the engine does. */
  private String stored(String key) {
    return bot.chatDataType().isPresent() ? ChatKeys.scoped(key).orElse(key) : key;
  }

  /**
   * The data chat {@code chatId}'s members share, read back as {@code type}; empty before the first
   * write. Data stored at a chat data version above 1 is unwrapped from its {@code @version} envelope.
   */
  <C> Optional<C> chatData(long chatId, Class<C> type) {
    return store.loadChatData("c:" + chatId).map(stored -> {
      try {
        com.fasterxml.jackson.databind.JsonNode node = mapper.readTree(stored.data());
        boolean wrapped = node.isObject() && node.size() == 2 && node.path("@version").isIntegralNumber()
            && node.has("@data");
        return mapper.treeToValue(wrapped ? node.get("@data") : node, type);
      } catch (java.io.IOException e) {
        throw new IllegalStateException("the data of chat " + chatId + " does not read as " + type.getName(), e);
      }
    });
  }

  /** The key of the constructor session {@code sessionId}, probed with a construction request. */
  String constructorKey(EmulatedUser user, String sessionId) {
    Map<String, Object> input = Map.of("input_type", "message", "messages", List.of());
    Update probe = mapper.convertValue(Map.of("update_type", "message_construction_request",
        "timestamp", clock.millis(), "user", user.json(), "session_id", sessionId,
        "input", input), Update.class);
    return stored(bot.sessionKeys().keyOf(probe));
  }

  SessionSnapshot snapshot(EmulatedUser user) {
    return snapshot(key(user));
  }

  SessionSnapshot snapshot(String key) {
    return SessionSnapshot.of(key, store.load(key), mapper);
  }
}
