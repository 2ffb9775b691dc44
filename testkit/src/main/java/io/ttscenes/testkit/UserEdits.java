package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A person changing what they wrote earlier in a dialog or a group chat. The history changes at
 * once: an edit keeps the message's mid, seq, time and attachments and replaces its text; a
 * removal takes the message out. Each returns the update the schema describes
 * ({@code message_edited} with the whole edited message, {@code message_removed} with
 * {@code message_id}, {@code chat_id} and {@code user_id}); the caller decides whether the bot
 * gets it. Only the author changes a message; in a channel, whose posts have no sender, its admins do.
 */
final class UserEdits {
  /** Who acts: a user, and whether they are an admin of a channel (posting on its behalf). */
  record Author(long userId, String name, boolean channelAdmin) {
    boolean wrote(JsonNode message) {
      JsonNode sender = message.get("sender");
      if (sender == null || sender.isNull()) {
        return channelAdmin;
      }
      return sender.path("user_id").asLong() == userId && !sender.path("is_bot").asBoolean();
    }
  }

  private final World world;
  private final Conversation chat;
  private final Supplier<String> place;

  /** {@code place} names the chat in error messages ("the dialog of Alice", "Team"). */
  UserEdits(World world, Conversation chat, Supplier<String> place) {
    this.world = world;
    this.chat = chat;
    this.place = place;
  }

  /** The message {@code mid} of this chat if {@code author} wrote it; IllegalArgumentException otherwise. */
  ObjectNode own(String mid, Author author) {
    Objects.requireNonNull(mid, "mid");
    ObjectNode message = chat.find(mid).orElseThrow(() ->
        new IllegalArgumentException("message " + mid + " is not in " + place.get()));
    if (!author.wrote(message)) {
      throw new IllegalArgumentException(author.name() + " did not write message " + mid + " in "
          + place.get() + " and cannot change it");
    }
    return message;
  }

  /** The newest message {@code author} wrote in this chat; IllegalStateException when there is none. */
  ObjectNode last(Author author) {
    List<ObjectNode> messages = chat.messages();
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (author.wrote(messages.get(i))) {
        return messages.get(i);
      }
    }
    throw new IllegalStateException(author.name() + " has written no message in " + place.get());
  }

  /** Replaces the text of {@code message}; returns the {@code message_edited} update. */
  ObjectNode edit(ObjectNode message, String text) {
    Objects.requireNonNull(text, "text");
    if (Limits.chars(text) > Limits.TEXT) {
      throw new IllegalArgumentException("text is " + Limits.chars(text) + " chars; the limit is "
          + Limits.TEXT);
    }
    ObjectNode previous = (ObjectNode) message.get("body");
    if (text.isEmpty() && previous.path("attachments").isEmpty()) {
      throw new IllegalArgumentException("text is empty and message " + Conversation.mid(message)
          + " has no attachments; a message must keep one or the other");
    }
    ObjectNode edited = message.deepCopy();
    edited.set("body", world.body(Json.object().put("text", text), previous));
    requirePresent(chat.replace(edited), message);
    ObjectNode update = stamped("message_edited");
    update.set("message", edited);
    return update;
  }

  /** Takes {@code message} out of the chat; returns the {@code message_removed} update. */
  ObjectNode remove(ObjectNode message, Author author) {
    String mid = Conversation.mid(message);
    requirePresent(chat.remove(mid), message);
    return stamped("message_removed").put("message_id", mid).put("chat_id", chat.chatId)
        .put("user_id", author.userId());
  }

  private void requirePresent(boolean present, ObjectNode message) {
    if (!present) {
      throw new IllegalArgumentException("message " + Conversation.mid(message)
          + " was deleted from " + place.get() + " meanwhile");
    }
  }

  /**
   * Several edits of one message differ only by time for the bot (its dedupe id is mid plus
   * time), so each is stamped strictly after the chat's previous event, whatever the clock says.
   */
  private ObjectNode stamped(String type) {
    return Json.object().put("update_type", type).put("timestamp", chat.stamp(world.clock.millis()));
  }
}
