package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The dialog between one emulated user and the bot: the {@link Conversation} of that pair, with
 * the user and the locale their updates carry. Thread-safe.
 */
final class Dialog extends Conversation {
  final ObjectNode user;
  final String locale;
  // Set when the user blocked the bot: the API then refuses to post into the dialog.
  volatile boolean botBlocked;

  Dialog(long chatId, ObjectNode user, String locale) {
    super(chatId);
    this.user = user;
    this.locale = locale;
  }

  long userId() {
    return user.path("user_id").asLong();
  }

  @Override
  String chatType() {
    return "dialog";
  }

  @Override
  void describe(ObjectNode view) {
    view.set("user", user);
  }
}
