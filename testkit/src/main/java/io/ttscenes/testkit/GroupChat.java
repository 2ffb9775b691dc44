package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A group chat or a channel: its {@link Conversation} plus the title, the owner, the members
 * (subscribers of a channel) with their join times and admin rights, and the bot's membership ({@code active}, {@code removed} when a member
 * removed it, {@code left} when it left; absent while it was never added). Thread-safe.
 */
final class GroupChat extends Conversation {
  /** One member: the User JSON, when they joined and whether they are an admin. */
  record Member(ObjectNode user, long joinTime, boolean admin) {
    long userId() {
      return user.path("user_id").asLong();
    }
  }

  final boolean channel;
  private final long ownerId;
  private final Map<Long, Member> members = new LinkedHashMap<>();
  // Each member's place in the join order (1, 2, ...; never reused), for page markers that stay
  // valid when someone before them leaves.
  private final Map<Long, Long> positions = new HashMap<>();
  private long joins;
  private String title;
  private String botStatus;
  private boolean botAdmin;
  private long botJoinTime;

  GroupChat(long chatId, String title, Member owner, boolean channel) {
    super(chatId);
    this.channel = channel;
    this.title = title;
    this.ownerId = owner.userId();
    add(owner);
  }

  @Override
  String chatType() {
    return channel ? "channel" : "chat";
  }

  long ownerId() {
    return ownerId;
  }

  synchronized String title() {
    return title;
  }

  synchronized void rename(String newTitle) {
    title = newTitle;
    changed();
  }

  synchronized boolean isMember(long userId) {
    return members.containsKey(userId);
  }

  synchronized Optional<Member> member(long userId) {
    return Optional.ofNullable(members.get(userId));
  }

  /** Adds a member; false when they already are one. */
  synchronized boolean add(Member member) {
    boolean added = members.putIfAbsent(member.userId(), member) == null;
    if (added) {
      positions.put(member.userId(), ++joins);
      changed();
    }
    return added;
  }

  /** Removes a member; false when they were not one. */
  synchronized boolean remove(long userId) {
    positions.remove(userId);
    boolean removed = members.remove(userId) != null;
    if (removed) {
      changed();
    }
    return removed;
  }

  /** The members by their place in the join order (1, 2, ...), a snapshot. */
  synchronized NavigableMap<Long, Member> byPosition() {
    NavigableMap<Long, Member> result = new TreeMap<>();
    positions.forEach((userId, position) -> result.put(position, members.get(userId)));
    return result;
  }

  /** The people in the chat in the order they joined, the bot not included. */
  synchronized List<Member> members() {
    return List.copyOf(members.values());
  }

  /** The bot's status as {@code Chat.status} says it; empty while it was never added. */
  synchronized Optional<String> botStatus() {
    return Optional.ofNullable(botStatus);
  }

  synchronized boolean botActive() {
    return "active".equals(botStatus);
  }

  synchronized boolean botAdmin() {
    return botActive() && botAdmin;
  }

  synchronized long botJoinTime() {
    return botJoinTime;
  }

  synchronized void botJoined(boolean admin, long now) {
    botStatus = "active";
    botAdmin = admin;
    botJoinTime = now;
    changed();
  }

  /** The bot is out: {@code removed} by a member or {@code left} by itself. */
  synchronized void botGone(String status) {
    botStatus = status;
    botAdmin = false;
    changed();
  }

  @Override
  void describe(ObjectNode view) {
    view.put("title", title()).put("chat_type", chatType()).put("bot_status", botStatus);
    ArrayNode list = view.putArray("members");
    members().forEach(m -> list.add(m.user()));
  }
}
