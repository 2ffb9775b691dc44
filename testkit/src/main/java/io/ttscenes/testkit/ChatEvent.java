package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Something the bot did that an emulated user sees in their dialog, in the order it happened.
 * Test code takes these from {@link EmulatedUser#nextEvent} or the typed waits on the user.
 */
public sealed interface ChatEvent {

  /** The bot sent a new message. */
  record MessageSent(BotMessage message) implements ChatEvent {}

  /** The bot edited a message, by {@code PUT /messages} or a callback answer. */
  record MessageEdited(BotMessage message) implements ChatEvent {}

  /** The bot deleted the message with this {@code mid}. */
  record MessageDeleted(String mid) implements ChatEvent {}

  /** The bot answered a callback with a one-time notification shown to the user. */
  record Notification(String text) implements ChatEvent {}

  /** The bot answered a constructor request; {@code answer} is the ConstructorAnswer JSON. */
  record ConstructorAnswered(String sessionId, JsonNode answer) implements ChatEvent {}

  /** The bot sent a chat action such as {@code typing_on}. */
  record ActionShown(String action) implements ChatEvent {}
}
