package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The updates a group chat or a channel sends the bot, in the schema's shapes, and when: only while the bot is
 * a member ({@code bot_removed} reaches it as it leaves), {@code user_added} and
 * {@code user_removed} only while it is an admin ("a chat where bot is administrator"). Group
 * messages carry no {@code user_locale} (the schema: "available only in dialogs").
 */
final class GroupUpdates {
  private final World world;
  private final GroupChat group;

  GroupUpdates(World world, GroupChat group) {
    this.world = world;
    this.group = group;
  }

  void botAdded(ObjectNode by) {
    publishIf(group.botActive(), membership("bot_added", by).put("is_channel", group.channel));
  }

  void botRemoved(ObjectNode by) {
    publishIf(true, membership("bot_removed", by).put("is_channel", group.channel));
  }

  /** {@code inviter} null: the user joined by link. */
  void userAdded(ObjectNode user, Long inviter) {
    ObjectNode update = membership("user_added", user).put("inviter_id", inviter);
    publishIf(group.botAdmin(), update.put("is_channel", group.channel));
  }

  /** {@code admin} null: the user left. */
  void userRemoved(ObjectNode user, Long admin) {
    ObjectNode update = membership("user_removed", user).put("admin_id", admin);
    publishIf(group.botAdmin(), update.put("is_channel", group.channel));
  }

  void titleChanged(ObjectNode by, String title) {
    publishIf(group.botActive(), membership("chat_title_changed", by).put("title", title));
  }

  void messageCreated(ObjectNode message) {
    ObjectNode update = world.update("message_created");
    update.set("message", message);
    publishIf(group.botActive(), update);
  }

  /** A member's edit or removal of their message ({@code message_edited}, {@code message_removed}). */
  void messageChanged(ObjectNode update) {
    publishIf(group.botActive(), update);
  }

  void callback(ObjectNode callback, ObjectNode message, String locale) {
    ObjectNode update = world.update("message_callback");
    update.set("callback", callback);
    update.set("message", message);
    publishIf(group.botActive(), update.put("user_locale", locale));
  }

  /**
   * A chat event stamped strictly after the chat's previous one: these updates carry no id, so
   * the bot tells them apart by type, chat, user and time, and a test clock standing still must
   * not make a member added again look like the first addition delivered twice.
   */
  private ObjectNode membership(String type, ObjectNode user) {
    ObjectNode update = Json.object().put("update_type", type)
        .put("timestamp", group.stamp(world.clock.millis())).put("chat_id", group.chatId);
    update.set("user", user);
    return update;
  }

  private void publishIf(boolean deliver, ObjectNode update) {
    if (deliver) {
      world.updates.publish(update);
    }
  }
}
