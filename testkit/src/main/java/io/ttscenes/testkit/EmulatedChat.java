package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A group chat (or a channel) of emulated users, which the bot may be added to. Members act
 * through it: what they do is kept in the chat's history and published to the bot as TamTam
 * would, only while the bot is a member (the updates say {@code is_channel} in a channel) ({@code user_added} and {@code user_removed} only while it is an admin, as the
 * schema says). What the bot does in the chat comes back as {@link ChatEvent}s. Thread-safe.
 */
public final class EmulatedChat {
  private final World world;
  private final GroupChat group;
  private final Map<Long, EmulatedUser> users;
  private final GroupUpdates updates;
  private final UserEdits edits;

  EmulatedChat(World world, GroupChat group, Map<Long, EmulatedUser> users) {
    this.world = world;
    this.group = group;
    this.users = users;
    this.updates = new GroupUpdates(world, group);
    this.edits = new UserEdits(world, group, group::title);
  }

  /** Whether this is a channel rather than a group chat. */
  public boolean isChannel() {
    return group.channel;
  }

  /** The chat's id (negative, as group chat ids are). */
  public long chatId() {
    return group.chatId;
  }

  /** The chat's title now. */
  public String title() {
    return group.title();
  }

  /** The people in the chat, in the order they joined (the owner first); the bot not included. */
  public List<EmulatedUser> members() {
    return group.members().stream().map(m -> users.get(m.userId())).toList();
  }

  /** The bot's status in the chat ({@code active}, {@code removed}, {@code left}); empty if never added. */
  public Optional<String> botStatus() {
    return group.botStatus();
  }

  /** Adds the bot as an administrator on behalf of member {@code by} (a {@code bot_added} update). */
  public void addBot(EmulatedUser by) {
    addBot(by, true);
  }

  /**
   * Adds the bot on behalf of member {@code by}, as an administrator or a plain member (then it
   * gets no {@code user_added}/{@code user_removed} and may not change the chat). Throws
   * IllegalStateException when the bot is already a member, IllegalArgumentException when
   * {@code by} is no member or only a subscriber of a channel.
   */
  public void addBot(EmulatedUser by, boolean asAdmin) {
    requireManager(by, "add the bot to");
    if (group.botActive()) {
      throw new IllegalStateException("the bot is already a member of " + title());
    }
    group.botJoined(asAdmin, world.clock.millis());
    updates.botAdded(by.dialog().user);
  }

  /**
   * Member {@code by} (in a channel, an admin) removes the bot (a {@code bot_removed} update); its
   * status becomes removed. IllegalArgumentException for a channel subscriber.
   */
  public void removeBot(EmulatedUser by) {
    requireManager(by, "remove the bot from");
    if (!group.botActive()) {
      throw new IllegalStateException("the bot is not a member of " + title());
    }
    group.botGone("removed");
    updates.botRemoved(by.dialog().user);
  }

  /**
   * Member {@code by} (in a channel, an admin) adds {@code user} (a {@code user_added} update
   * naming {@code by} as inviter). IllegalArgumentException for a channel subscriber.
   */
  public void add(EmulatedUser user, EmulatedUser by) {
    requireManager(by, "add members to");
    addMember(user, by.userId());
  }

  /** {@code user} joins by the chat's link (a {@code user_added} update without inviter). */
  public void join(EmulatedUser user) {
    addMember(user, null);
  }

  private void addMember(EmulatedUser user, Long inviter) {
    if (!group.add(new GroupChat.Member(user.dialog().user, world.clock.millis(), false))) {
      throw new IllegalStateException(user.name() + " is already a member of " + title());
    }
    updates.userAdded(user.dialog().user, inviter);
  }

  /** Admin {@code by} removes {@code user} (a {@code user_removed} update naming the admin). */
  public void remove(EmulatedUser user, EmulatedUser by) {
    if (!requireMember(by).admin()) {
      throw new IllegalArgumentException(by.name() + " is not an admin of " + title()
          + " and cannot remove members");
    }
    removeMember(user, by.userId());
  }

  /** {@code user} leaves the chat (a {@code user_removed} update without admin). */
  public void leave(EmulatedUser user) {
    removeMember(user, null);
  }

  private void removeMember(EmulatedUser user, Long admin) {
    requireMember(user);
    if (user.userId() == group.ownerId()) {
      throw new IllegalArgumentException(user.name() + " owns " + title() + " and cannot leave it");
    }
    group.remove(user.userId());
    updates.userRemoved(user.dialog().user, admin);
  }

  /**
   * Member {@code by} (in a channel, an admin) renames the chat (a {@code chat_title_changed}
   * update). IllegalArgumentException for a channel subscriber or a title outside 1..200 chars.
   */
  public void rename(String title, EmulatedUser by) {
    Objects.requireNonNull(title, "title");
    requireManager(by, "rename");
    if (title.isEmpty() || Limits.chars(title) > GroupChatsApi.TITLE_MAX) {
      throw new IllegalArgumentException("title is " + Limits.chars(title) + " chars; it must be 1.."
          + GroupChatsApi.TITLE_MAX);
    }
    group.rename(title);
    updates.titleChanged(by.dialog().user, title);
  }

  /**
   * Member {@code from} writes {@code text} in the chat (a {@code message_created} update). In a
   * channel only an admin posts, on behalf of the channel: the message has no sender. Throws
   * IllegalArgumentException for a non-member, or a subscriber posting in a channel.
   */
  public BotMessage sendText(EmulatedUser from, String text) {
    if (!requireMember(from).admin() && group.channel) {
      throw new IllegalArgumentException(from.name() + " only reads the channel " + title()
          + "; its admins post");
    }
    Limits.maxLength("text", text, Limits.TEXT);
    ObjectNode message = world.message(group.channel ? null : from.dialog().user, group,
        world.body(Json.object().put("text", text), null), null);
    group.add(message);
    updates.messageCreated(message);
    return new BotMessage(message);
  }

  /**
   * Member {@code from} posts a photo with {@code caption} (may be empty): an image uploaded to the
   * emulator, so its token is one the bot can send again. Throws as {@link #sendText} does.
   */
  public BotMessage sendPhoto(EmulatedUser from, String caption) {
    Uploads.Upload upload = world.uploads.create("image");
    byte[] bytes = ("photo by " + from.name()).getBytes(StandardCharsets.UTF_8);
    upload.append(bytes, bytes.length);
    upload.finish("photo.jpg");
    return sendAttachment(from, caption, Json.object().put("type", "image")
        .set("payload", Json.object().put("token", upload.token)));
  }

  /**
   * Member {@code from} shares their own contact with {@code phone} in the chat (a message with no
   * text, only a contact attachment). Throws as {@link #sendText} does.
   */
  public BotMessage shareContact(EmulatedUser from, String phone) {
    ObjectNode payload = Json.object().put("name", from.name()).put("contact_id", from.userId())
        .put("vcf_phone", phone);
    return sendAttachment(from, null, Json.object().put("type", "contact").set("payload", payload));
  }

  /**
   * Member {@code from} shares a link in the chat, as a client does: the message's text is {@code url}
   * and it carries the link's preview (a share attachment with that URL). Throws as {@link #sendText} does.
   */
  public BotMessage shareLink(EmulatedUser from, String url) {
    Limits.maxLength("text", url, Limits.TEXT);
    return sendAttachment(from, url, Json.object().put("type", "share").set("payload", Json.object().put("url", url)));
  }

  private BotMessage sendAttachment(EmulatedUser from, String text, ObjectNode attachment) {
    if (!requireMember(from).admin() && group.channel) {
      throw new IllegalArgumentException(from.name() + " only reads the channel " + title()
          + "; its admins post");
    }
    ObjectNode request = Json.object().put("text", text);
    request.putArray("attachments").add(attachment);
    ObjectNode message = world.message(group.channel ? null : from.dialog().user, group,
        world.body(request, null), null);
    group.add(message);
    updates.messageCreated(message);
    return new BotMessage(message);
  }

  /**
   * Member {@code from} replies in the chat to message {@code mid} with {@code text}: a
   * {@code message_created} update whose message links the original with type {@code reply}.
   * Throws as {@link #sendText} does, and the API's error for an unknown mid.
   */
  public BotMessage replyTo(EmulatedUser from, String mid, String text) {
    if (!requireMember(from).admin() && group.channel) {
      throw new IllegalArgumentException(from.name() + " only reads the channel " + title()
          + "; its admins post");
    }
    Limits.maxLength("text", text, Limits.TEXT);
    ObjectNode request = Json.object().put("text", text);
    request.set("link", Json.object().put("type", "reply").put("mid", mid));
    ObjectNode message = world.message(group.channel ? null : from.dialog().user, group,
        world.body(request, null), world.link(request));
    group.add(message);
    updates.messageCreated(message);
    return new BotMessage(message);
  }

  /**
   * Member {@code by} changes the text of a message they wrote in the chat (in a channel: an
   * admin, a post of the channel), keeping its mid and attachments; the bot gets a
   * {@code message_edited} update while it is a member. Returns the message as it reads now.
   * Throws IllegalArgumentException for a non-member, a message they did not write, a text over
   * 4000 chars, or an empty text on a message without attachments.
   */
  public BotMessage editMessage(EmulatedUser by, String mid, String text) {
    return edit(edits.own(mid, author(by)), text);
  }

  /** Member {@code by} edits the newest message they wrote, as {@link #editMessage}; IllegalStateException when none. */
  public BotMessage editLastMessage(EmulatedUser by, String text) {
    return edit(edits.last(author(by)), text);
  }

  private BotMessage edit(ObjectNode message, String text) {
    ObjectNode update = edits.edit(message, text);
    updates.messageChanged(update);
    return new BotMessage(update.get("message"));
  }

  /**
   * Member {@code by} deletes a message they wrote (in a channel: an admin, a post of the
   * channel): it leaves the chat's history, and while the bot is a member it gets a
   * {@code message_removed} update naming {@code by}. Returns the deleted message; throws
   * IllegalArgumentException for a non-member or a message they did not write.
   */
  public BotMessage deleteMessage(EmulatedUser by, String mid) {
    return delete(edits.own(mid, author(by)), by);
  }

  /** Member {@code by} deletes the newest message they wrote, as {@link #deleteMessage}; IllegalStateException when none. */
  public BotMessage deleteLastMessage(EmulatedUser by) {
    return delete(edits.last(author(by)), by);
  }

  private BotMessage delete(ObjectNode message, EmulatedUser by) {
    updates.messageChanged(edits.remove(message, author(by)));
    return new BotMessage(message);
  }

  private UserEdits.Author author(EmulatedUser user) {
    boolean admin = requireMember(user).admin();
    return new UserEdits.Author(user.userId(), user.name(), group.channel && admin);
  }

  /**
   * Member {@code user} presses the callback button with this text in the last keyboard the bot
   * sent to the chat (a {@code message_callback} carrying the chat); returns the callback id.
   */
  public String pressButton(EmulatedUser user, String text) {
    requireMember(user);
    ObjectNode message = group.lastKeyboard()
        .orElseThrow(() -> new IllegalStateException("the bot has sent no keyboard to " + title()));
    JsonNode button = Conversation.buttons(message).stream().filter(b -> b.path("text").asText().equals(text))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no button '" + text
            + "' in the last keyboard of " + title() + "; it has " + new BotMessage(message).buttonTexts()));
    if (!button.path("type").asText().equals("callback")) {
      throw new UnsupportedOperationException("the emulator presses only callback buttons in a "
          + "group chat; '" + text + "' is a " + button.path("type").asText() + " button");
    }
    return press(user, message, button.path("payload").asText());
  }

  /** Member {@code user} presses the callback button with {@code payload} under the latest message that has it. */
  public String pressCallback(EmulatedUser user, String payload) {
    requireMember(user);
    ObjectNode message = group.newestWithCallback(payload).orElseThrow(() -> new IllegalArgumentException(
        "no callback button with payload '" + payload + "' in " + title()));
    return press(user, message, payload);
  }

  /**
   * Member {@code user} presses the callback button with {@code payload} under the message
   * {@code mid} of this chat, as the web chat does; IllegalArgumentException when that message is
   * not in the chat or has no such button.
   */
  String pressOn(EmulatedUser user, String mid, String payload) {
    requireMember(user);
    return press(user, group.withCallback(mid, payload, title()), payload);
  }

  private String press(EmulatedUser user, ObjectNode message, String payload) {
    String callbackId = world.newId();
    world.callbacks.put(callbackId, new World.Callback(group, Dialog.mid(message), user.dialog().user));
    ObjectNode callback = Json.object().put("timestamp", world.clock.millis())
        .put("callback_id", callbackId).put("payload", payload);
    callback.set("user", user.dialog().user);
    updates.callback(callback, message, user.dialog().locale);
    return callbackId;
  }

  /** In a group chat any member manages it; in a channel only its admins do, subscribers read. */
  private void requireManager(EmulatedUser user, String what) {
    if (!requireMember(user).admin() && group.channel) {
      throw new IllegalArgumentException(user.name() + " only reads the channel " + title()
          + "; only its admins " + what + " it");
    }
  }

  private GroupChat.Member requireMember(EmulatedUser user) {
    return group.member(user.userId()).orElseThrow(() -> new IllegalArgumentException(
        user.name() + " is not a member of " + title()));
  }

  /** Calls {@code listener} on the thread that records each later event of this chat. */
  public void onEvent(Consumer<ChatEvent> listener) {
    group.listen(listener);
  }

  /** Takes the oldest new message from the bot in this chat not taken yet; fails with what did arrive. */
  public BotMessage awaitMessage(Duration timeout) {
    return await(ChatEvent.MessageSent.class, timeout).message();
  }

  /** Takes the oldest event of this type not taken yet without waiting; empty when there is none. */
  public <T extends ChatEvent> Optional<T> take(Class<T> type) {
    return take(type, Duration.ZERO);
  }

  /** Takes the oldest event of this type not taken yet, or throws AssertionError naming what came. */
  public <T extends ChatEvent> T await(Class<T> type, Duration timeout) {
    return take(type, timeout).orElseThrow(() -> new AssertionError("no " + type.getSimpleName()
        + " in " + title() + " within " + timeout + "; events not taken: " + group.untaken()));
  }

  private <T extends ChatEvent> Optional<T> take(Class<T> type, Duration timeout) {
    try {
      return group.take(type::isInstance, timeout).map(type::cast);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The events of this chat not taken yet, oldest first. */
  public List<ChatEvent> untakenEvents() {
    return group.untaken();
  }

  /** Every message of the chat, from everyone, oldest first. */
  public List<BotMessage> messages() {
    return group.messages().stream().map(BotMessage::new).toList();
  }

  /** The chat as the emulator keeps it, for the web chat's view. */
  GroupChat group() {
    return group;
  }

  @Override
  public String toString() {
    return "EmulatedChat[" + chatId() + " \"" + title() + "\"]";
  }
}
