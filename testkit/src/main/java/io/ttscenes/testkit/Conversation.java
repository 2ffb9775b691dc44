package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One chat as the emulator keeps it, a dialog or a group chat: its messages in order, what the
 * bot showed (notifications, constructor answers, actions) and the event log tests wait on. Every
 * change bumps a version and wakes waiters (the web chat's long poll and test awaits). Thread-safe.
 */
abstract sealed class Conversation permits Dialog, GroupChat {
  final long chatId;
  private final List<ObjectNode> messages = new ArrayList<>();
  private final ArrayNode notifications = Json.array();
  private final List<ChatEvent> events = new ArrayList<>();
  private final List<Boolean> taken = new ArrayList<>();
  private final List<Consumer<ChatEvent>> listeners = new CopyOnWriteArrayList<>();
  private JsonNode constructorAnswer;
  private String action;
  private String pinnedMid;
  private long version;
  private long lastStamp;

  Conversation(long chatId) {
    this.chatId = chatId;
  }

  /** The wire {@code chat_type} of this chat: {@code dialog}, {@code chat} or {@code channel}. */
  abstract String chatType();

  synchronized void add(ObjectNode message) {
    messages.add(message);
    changed();
  }

  synchronized Optional<ObjectNode> find(String mid) {
    return messages.stream().filter(m -> mid.equals(mid(m))).findFirst();
  }

  synchronized List<ObjectNode> messages() {
    return List.copyOf(messages);
  }

  /** The messages, newest first: buttons are pressed on the latest message that has them. */
  synchronized List<ObjectNode> newestFirst() {
    List<ObjectNode> newest = new ArrayList<>(messages);
    Collections.reverse(newest);
    return newest;
  }

  /** The newest message with an inline keyboard: a person presses on the last keyboard shown. */
  Optional<ObjectNode> lastKeyboard() {
    return newestFirst().stream().filter(m -> !buttons(m).isEmpty()).findFirst();
  }

  /** The newest message with a callback button carrying {@code payload}. */
  Optional<ObjectNode> newestWithCallback(String payload) {
    return newestFirst().stream().filter(m -> hasCallback(buttons(m), payload)).findFirst();
  }

  /**
   * The message {@code mid}, which must have a callback button carrying {@code payload} (the web
   * chat presses a button under a given message); IllegalArgumentException naming {@code where}
   * when the message is not here, or without that button.
   */
  ObjectNode withCallback(String mid, String payload, String where) {
    ObjectNode message = find(mid).orElseThrow(() ->
        new IllegalArgumentException("message " + mid + " is not in " + where));
    if (!hasCallback(buttons(message), payload)) {
      throw new IllegalArgumentException("message " + mid + " has no callback button '" + payload + "'");
    }
    return message;
  }

  /** The buttons of {@code message}'s inline keyboard, row by row; empty when it has none. */
  static List<JsonNode> buttons(JsonNode message) {
    return new BotMessage(message).buttons();
  }

  /** Whether one of {@code buttons} is a callback button carrying {@code payload}. */
  static boolean hasCallback(List<JsonNode> buttons, String payload) {
    return buttons.stream().anyMatch(b -> b.path("type").asText().equals("callback")
        && b.path("payload").asText().equals(payload));
  }

  /** Puts {@code message} in place of the one with its mid; false when that one is gone. */
  synchronized boolean replace(ObjectNode message) {
    int index = indexOf(mid(message));
    if (index >= 0) {
      messages.set(index, message);
      changed();
    }
    return index >= 0;
  }

  private int indexOf(String mid) {
    for (int i = 0; i < messages.size(); i++) {
      if (mid.equals(mid(messages.get(i)))) {
        return i;
      }
    }
    return -1;
  }

  synchronized boolean remove(String mid) {
    boolean removed = messages.removeIf(m -> mid.equals(mid(m)));
    if (mid.equals(pinnedMid)) {
      pinnedMid = null;
    }
    changed();
    return removed;
  }

  synchronized Optional<JsonNode> constructorAnswer() {
    return Optional.ofNullable(constructorAnswer);
  }

  /** Forgets the constructor answer shown, once its session was finished. */
  synchronized void constructorClosed() {
    constructorAnswer = null;
    changed();
  }

  synchronized Optional<String> pinned() {
    return Optional.ofNullable(pinnedMid);
  }

  synchronized void pin(String mid) {
    pinnedMid = mid;
    changed();
  }

  /**
   * A timestamp for the next event of this chat that carries no id of its own (a membership
   * change, a user's edit), strictly after the previous one: the bot tells such updates apart by
   * their time, and a test clock standing still must not make two of them look like one.
   */
  synchronized long stamp(long now) {
    lastStamp = Math.max(now, lastStamp + 1);
    return lastStamp;
  }

  static String mid(JsonNode message) {
    return message.path("body").path("mid").asText();
  }

  /** Records what the bot did, updates the web view and wakes whoever waits for it. */
  void emit(ChatEvent event) {
    emit(event, null);
  }

  /**
   * Records a callback's notification, shown only to {@code user} (the pressing member's User
   * JSON): the web view names them, since in a group every member's notifications are listed.
   */
  void emitNotification(String text, JsonNode user) {
    emit(new ChatEvent.Notification(text), user);
  }

  private void emit(ChatEvent event, JsonNode to) {
    synchronized (this) {
      if (event instanceof ChatEvent.Notification n) {
        ObjectNode shown = Json.object().put("id", notifications.size() + 1).put("text", n.text());
        if (to != null) {
          shown.put("user_id", to.path("user_id").asLong()).put("name", to.path("name").asText());
        }
        notifications.add(shown);
      } else if (event instanceof ChatEvent.ConstructorAnswered c) {
        constructorAnswer = c.answer();
      } else if (event instanceof ChatEvent.ActionShown a) {
        action = a.action();
      } else if (event instanceof ChatEvent.MessageSent) {
        action = null;
      }
      events.add(event);
      taken.add(false);
      changed();
    }
    listeners.forEach(listener -> listener.accept(event));
  }

  void listen(Consumer<ChatEvent> listener) {
    listeners.add(listener);
  }

  /** Bumps the version and wakes waiters; call holding this object's lock. */
  final void changed() {
    version++;
    notifyAll();
  }

  /** Marks a change made outside the history (a membership or title change, a system line). */
  synchronized void touch() {
    changed();
  }

  /** Takes the oldest event not taken yet that matches, waiting up to {@code timeout} for one. */
  synchronized Optional<ChatEvent> take(Predicate<ChatEvent> filter, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (int i = 0; i < events.size(); i++) {
        if (!taken.get(i) && filter.test(events.get(i))) {
          taken.set(i, true);
          return Optional.of(events.get(i));
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  synchronized List<ChatEvent> untaken() {
    List<ChatEvent> result = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      if (!taken.get(i)) {
        result.add(events.get(i));
      }
    }
    return result;
  }

  /** The web chat's view, returned once the version passes {@code after} or the wait ends. */
  synchronized ObjectNode view(long after, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (version <= after && deadline - System.nanoTime() > 0) {
      wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
    ObjectNode view = Json.object().put("version", version).put("chat_id", chatId);
    describe(view);
    ArrayNode list = view.putArray("messages");
    messages.forEach(list::add);
    view.set("notifications", notifications.deepCopy());
    view.set("constructor_answer", constructorAnswer);
    view.put("action", action);
    view.put("pinned", pinnedMid);
    return view;
  }

  /** Adds what the web view shows of this kind of chat (its user, or its title and members). */
  abstract void describe(ObjectNode view);
}
