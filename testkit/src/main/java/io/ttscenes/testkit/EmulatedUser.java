package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ttscenes.api.client.ApiLimits;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A person talking to the bot in their own dialog. Actions publish the update TamTam would send
 * to the bot; what the bot does comes back as {@link ChatEvent}s that tests wait for. Thread-safe.
 */
public final class EmulatedUser {
  /**
   * The most a {@code bot_started} update's {@code payload} field may hold: the schema's
   * {@code maxLength} of {@code BotStartedUpdate.payload}. It is the field's size, not what a deep
   * link passes on: see {@link #DEEP_LINK_PAYLOAD_PASSED}.
   */
  public static final int DEEP_LINK_PAYLOAD = 512;

  /**
   * The longest deep-link payload that reaches the bot ({@link ApiLimits#DEEP_LINK_PAYLOAD_MAX}):
   * the schema's deep-linking notes say a longer one is omitted and not passed to the bot, so the
   * bot is started without a payload.
   */
  public static final int DEEP_LINK_PAYLOAD_PASSED = ApiLimits.DEEP_LINK_PAYLOAD_MAX;

  private final World world;
  private final Dialog dialog;
  private final ConstructorSessions constructor;
  private final UserEdits edits;

  EmulatedUser(World world, Dialog dialog) {
    this.world = world;
    this.dialog = dialog;
    this.constructor = new ConstructorSessions(world, dialog);
    this.edits = new UserEdits(world, dialog, () -> "the dialog of " + name());
  }

  Dialog dialog() {
    return dialog;
  }

  /** The user's id. */
  public long userId() {
    return dialog.userId();
  }

  /** The id of the dialog chat between this user and the bot. */
  public long chatId() {
    return dialog.chatId;
  }

  /**
   * Blocks the bot, or unblocks it ({@code blocked} false): while blocked, the API refuses the
   * bot's posts into this dialog with 403 {@code chat.denied}, as TamTam does.
   */
  public void blockBot(boolean blocked) {
    dialog.botBlocked = blocked;
  }

  /** The user's display name. */
  public String name() {
    return dialog.user.path("name").asText();
  }

  /** The User JSON the bot sees for this user. */
  public JsonNode json() {
    return dialog.user.deepCopy();
  }

  /** Sends a text message (a {@code message_created} update); returns the message. */
  public BotMessage sendText(String text) {
    Limits.maxLength("text", text, Limits.TEXT);
    ObjectNode body = Json.object().put("text", text);
    return sendBody(body);
  }

  /**
   * Replies to message {@code mid} with {@code text}: a {@code message_created} update whose
   * message links the original with type {@code reply}. Throws the API's error for an unknown mid.
   */
  public BotMessage replyTo(String mid, String text) {
    Limits.maxLength("text", text, Limits.TEXT);
    ObjectNode request = Json.object().put("text", text);
    request.set("link", Json.object().put("type", "reply").put("mid", mid));
    return publish(world.message(dialog.user, dialog, world.body(request, null), world.link(request)));
  }

  /**
   * Forwards message {@code mid} (one the bot can read) into the dialog with the bot: a
   * {@code message_created} update whose message has no text of its own and links the original
   * with type {@code forward}.
   */
  public BotMessage forward(String mid) {
    ObjectNode request = Json.object();
    request.set("link", Json.object().put("type", "forward").put("mid", mid));
    return publish(world.message(dialog.user, dialog, world.forwardBody(), world.link(request)));
  }

  /** Sends a command such as {@code /start} or {@code /help arg}; a leading slash is added. */
  public BotMessage sendCommand(String command) {
    return sendText(command.startsWith("/") ? command : "/" + command);
  }

  /** Shares the user's own contact, as after pressing a request_contact button. */
  public BotMessage shareContact(String phone) {
    ObjectNode payload = Json.object().put("name", name()).put("contact_id", userId())
        .put("vcf_phone", phone);
    return sendAttachment(Json.object().put("type", "contact").set("payload", payload));
  }

  /** Shares a location, as after pressing a request_geo_location button. */
  public BotMessage shareLocation(double latitude, double longitude) {
    return sendAttachment(Json.object().put("type", "location")
        .put("latitude", latitude).put("longitude", longitude));
  }

  /** Sends a sticker with {@code code} (a message with a sticker attachment and no text). */
  public BotMessage sendSticker(String code) {
    return sendAttachment(Json.object().put("type", "sticker").set("payload", Json.object().put("code", code)));
  }

  private BotMessage sendAttachment(ObjectNode attachment) {
    ObjectNode body = Json.object().putNull("text");
    body.putArray("attachments").add(attachment);
    return sendBody(body);
  }

  private BotMessage sendBody(ObjectNode request) {
    return publish(world.message(dialog.user, dialog, world.body(request, null), null));
  }

  private BotMessage publish(ObjectNode message) {
    dialog.add(message);
    ObjectNode update = world.update("message_created");
    update.set("message", message);
    update.put("user_locale", dialog.locale);
    world.updates.publish(update);
    return new BotMessage(message);
  }

  /**
   * Changes the text of a message this user sent earlier in the dialog, keeping its mid and
   * attachments (a {@code message_edited} update with the whole edited message); returns the
   * message as it reads now. Throws IllegalArgumentException when {@code mid} is not this user's
   * message in the dialog, the text is over 4000 chars, or empty on a message without attachments.
   */
  public BotMessage editMessage(String mid, String text) {
    return edit(edits.own(mid, author()), text);
  }

  /**
   * Changes the text of the newest message this user sent in the dialog, as {@link #editMessage}
   * does. Throws IllegalStateException when the user has sent none.
   */
  public BotMessage editLastMessage(String text) {
    return edit(edits.last(author()), text);
  }

  private BotMessage edit(ObjectNode message, String text) {
    ObjectNode update = edits.edit(message, text);
    world.updates.publish(update);
    return new BotMessage(update.get("message"));
  }

  /**
   * Deletes a message this user sent earlier: it leaves the dialog's history and the bot gets a
   * {@code message_removed} update naming it, the chat and this user. Returns the deleted message;
   * throws IllegalArgumentException when {@code mid} is not this user's message in the dialog.
   */
  public BotMessage deleteMessage(String mid) {
    return delete(edits.own(mid, author()));
  }

  /** Deletes the newest message this user sent, as {@link #deleteMessage}; IllegalStateException when none. */
  public BotMessage deleteLastMessage() {
    return delete(edits.last(author()));
  }

  private BotMessage delete(ObjectNode message) {
    world.updates.publish(edits.remove(message, author()));
    return new BotMessage(message);
  }

  private UserEdits.Author author() {
    return new UserEdits.Author(userId(), name(), false);
  }

  /**
   * Opens the bot by a deep link with this payload, or presses Start when it is null (a
   * {@code bot_started} update). As in TamTam, a payload longer than
   * {@link #DEEP_LINK_PAYLOAD_PASSED} characters is omitted: the update carries no payload.
   */
  public void startWithPayload(String payload) {
    boolean passed = payload != null && Limits.chars(payload) <= DEEP_LINK_PAYLOAD_PASSED;
    ObjectNode update = world.update("bot_started").put("chat_id", chatId());
    update.set("user", dialog.user);
    update.put("payload", passed ? payload : null);
    update.put("user_locale", dialog.locale);
    world.updates.publish(update);
  }

  /** Presses the callback button with this payload under the latest message that has it. */
  public String pressCallback(String payload) {
    ObjectNode message = dialog.newestWithCallback(payload).orElseThrow(() -> new IllegalArgumentException(
        "no callback button with payload '" + payload + "' in the dialog of " + name()));
    return press(message, payload);
  }

  /**
   * Presses the button with this text in the last keyboard the bot sent: a callback button sends
   * a {@code message_callback} (returns its callback id), request_contact and request_geo_location
   * share the contact or a location, a link button returns its URL without any update.
   */
  public String pressButton(String text) {
    ObjectNode message = dialog.lastKeyboard()
        .orElseThrow(() -> new IllegalStateException("the bot has sent no keyboard to " + name()));
    JsonNode button = Conversation.buttons(message).stream().filter(b -> b.path("text").asText().equals(text))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no button '" + text
            + "' in the last keyboard; it has " + new BotMessage(message).buttonTexts()));
    return switch (button.path("type").asText()) {
      case "callback" -> press(message, button.path("payload").asText());
      case "request_contact" -> shareContact("+10000000000").mid();
      case "request_geo_location" -> shareLocation(55.7558, 37.6173).mid();
      case "link" -> button.path("url").asText();
      default -> throw new UnsupportedOperationException("the emulator cannot press a '"
          + button.path("type").asText() + "' button");
    };
  }

  /**
   * Presses a callback button of the last keyboard as a tampered client would, sending
   * {@code payload} whatever the buttons carry; returns the callback id.
   */
  public String pressForged(String payload) {
    ObjectNode message = dialog.lastKeyboard()
        .orElseThrow(() -> new IllegalStateException("the bot has sent no keyboard to " + name()));
    return press(message, payload);
  }

  /** Presses the callback button with {@code payload} under the message {@code mid} (web chat). */
  String pressOn(String mid, String payload) {
    return press(dialog.withCallback(mid, payload, "the dialog"), payload);
  }

  private String press(ObjectNode message, String payload) {
    String callbackId = world.newId();
    world.callbacks.put(callbackId, new World.Callback(dialog, Dialog.mid(message), dialog.user));
    ObjectNode callback = Json.object().put("timestamp", world.clock.millis())
        .put("callback_id", callbackId).put("payload", payload);
    callback.set("user", dialog.user);
    ObjectNode update = world.update("message_callback");
    update.set("callback", callback);
    update.set("message", dialog.find(Dialog.mid(message)).orElse(message));
    update.put("user_locale", dialog.locale);
    world.updates.publish(update);
    return callbackId;
  }

  /**
   * Opens the bot's constructor: a {@code message_construction_request} with no messages, which
   * starts a constructor session when none is open. Returns the session id.
   */
  public String openConstructor() {
    return constructor.type(List.of());
  }

  /**
   * Types one or more messages into the bot's constructor (a {@code message_construction_request}
   * with message input), opening a session when none is open; returns the session id. Throws
   * IllegalStateException when the bot's last answer in the session did not allow user input.
   */
  public String construct(String... texts) {
    if (texts.length == 0) {
      throw new IllegalArgumentException("texts is empty; type at least one message or call openConstructor()");
    }
    for (String text : texts) {
      Limits.maxLength("text", text, Limits.TEXT);
    }
    return constructor.type(List.of(texts));
  }

  /**
   * Presses the callback button with {@code payload} in the bot's last constructor keyboard;
   * returns the session id. Throws IllegalArgumentException, listing the buttons, when no such
   * button is shown.
   */
  public String pressConstructorButton(String payload) {
    return constructor.press(payload);
  }

  /**
   * Posts what the constructor built: one {@code message_constructed} update per message of the
   * bot's last answer, then closes the session. Returns the closed session's id; throws
   * IllegalStateException when no session is open or the last answer has no message.
   */
  public String finishConstruction() {
    return constructor.finish();
  }

  /** The open constructor session's id; empty when none is open. */
  public Optional<String> constructorSession() {
    return constructor.session();
  }

  /** The bot's last ConstructorAnswer JSON in the open session; empty before it answered. */
  public Optional<JsonNode> constructorAnswer() {
    return constructor.answer();
  }

  /** Calls {@code listener} on the thread that records each later event of this dialog. */
  public void onEvent(Consumer<ChatEvent> listener) {
    dialog.listen(listener);
  }

  /** Takes the oldest event not taken yet, waiting up to {@code timeout}. */
  public Optional<ChatEvent> nextEvent(Duration timeout) {
    return take(event -> true, timeout);
  }

  /** Takes the oldest new message from the bot not taken yet; fails with what did arrive. */
  public BotMessage awaitMessage(Duration timeout) {
    return await(ChatEvent.MessageSent.class, timeout).message();
  }

  /** Takes the oldest edit not taken yet; fails with what did arrive. */
  public BotMessage awaitEdit(Duration timeout) {
    return await(ChatEvent.MessageEdited.class, timeout).message();
  }

  /** Takes the oldest callback notification not taken yet; fails with what did arrive. */
  public String awaitNotification(Duration timeout) {
    return await(ChatEvent.Notification.class, timeout).text();
  }

  /** Takes the oldest event of this type not taken yet without waiting; empty when there is none. */
  public <T extends ChatEvent> Optional<T> take(Class<T> type) {
    return take(type::isInstance, Duration.ZERO).map(type::cast);
  }

  /** The events of this dialog not taken yet, oldest first. */
  public List<ChatEvent> untakenEvents() {
    return dialog.untaken();
  }

  /** Takes the oldest event of this type not taken yet, or throws AssertionError naming what came. */
  public <T extends ChatEvent> T await(Class<T> type, Duration timeout) {
    return take(type::isInstance, timeout).map(type::cast).orElseThrow(() -> new AssertionError(
        "no " + type.getSimpleName() + " for " + name() + " within " + timeout
            + "; events not taken: " + dialog.untaken()));
  }

  private Optional<ChatEvent> take(Predicate<ChatEvent> filter, Duration timeout) {
    try {
      return dialog.take(filter, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Every message of the dialog, both sides, oldest first. */
  public List<BotMessage> messages() {
    return dialog.messages().stream().map(BotMessage::new).toList();
  }
}
