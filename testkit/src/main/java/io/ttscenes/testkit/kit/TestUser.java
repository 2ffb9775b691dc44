package io.ttscenes.testkit.kit;

import io.ttscenes.testkit.BotMessage;
import io.ttscenes.testkit.ChatEvent;
import io.ttscenes.testkit.EmulatedUser;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A scripted user in a dialog with the bot under test. Actions ({@code sends}, {@code presses}...)
 * first wait until the bot is idle, as a person waits for the answer, then send the update TamTam
 * would send. Expectations wait until the bot is idle, then take the oldest message (or edit, or
 * notification) of their kind not taken yet and check it, failing with an {@link AssertionError}
 * that lists what the bot did send. Every method returns this user, so a conversation reads as
 * one chain. Not thread-safe: script a user from one thread.
 */
public final class TestUser {
  private final BotTester tester;
  private final EmulatedUser user;
  private final ConstructorSteps constructor;
  private final Expectations expectations;

  TestUser(BotTester tester, EmulatedUser user) {
    this.tester = tester;
    this.user = user;
    this.expectations = new Expectations(tester, user::name, new Expectations.Source() {
      @Override
      public <T extends ChatEvent> Optional<T> take(Class<T> type) {
        return user.take(type);
      }

      @Override
      public List<ChatEvent> untaken() {
        return user.untakenEvents();
      }
    });
    this.constructor = new ConstructorSteps(tester, user, expectations::notTaken);
  }

  /** The user's display name. */
  public String name() {
    return user.name();
  }

  /** The emulator's user behind this one, for actions the kit does not wrap. */
  public EmulatedUser emulated() {
    return user;
  }

  /** This user acting in the group chat {@code chat}: the same as {@code chat.as(this)}. */
  public TestChat.Member in(TestChat chat) {
    return chat.as(this);
  }

  /** Presses Start without a deep link (a {@code bot_started} update without payload). */
  public TestUser starts() {
    tester.awaitIdle();
    user.startWithPayload(null);
    return this;
  }

  /** Opens the bot through a deep link {@code https://tt.me/bot?start=payload}. */
  public TestUser startsWithLink(String payload) {
    Objects.requireNonNull(payload, "payload");
    tester.awaitIdle();
    user.startWithPayload(payload);
    return this;
  }

  /**
   * Blocks the bot: from now on the bot's messages to this user are refused with 403
   * {@code chat.denied} (what the bot's {@code onSendFailed} continuations see).
   */
  public TestUser blocksBot() {
    tester.awaitIdle();
    user.blockBot(true);
    return this;
  }

  /** Sends a text message; text starting with {@code /} is a command. */
  public TestUser sends(String text) {
    Objects.requireNonNull(text, "text");
    tester.awaitIdle();
    user.sendText(text);
    return this;
  }

  /**
   * Replies to the newest message of the dialog (the bot's or this user's) that reads exactly
   * {@code quoted}, with {@code text} (TamTam's link of type {@code reply}). Fails listing the
   * dialog's texts when none reads so.
   */
  public TestUser repliesTo(String quoted, String text) {
    Objects.requireNonNull(text, "text");
    tester.awaitIdle();
    user.replyTo(newest(quoted, "reply to").mid(), text);
    return this;
  }

  /**
   * Forwards the newest message of the dialog that reads exactly {@code quoted} back to the bot
   * (TamTam's link of type {@code forward}). Fails listing the dialog's texts when none reads so.
   */
  public TestUser forwards(String quoted) {
    tester.awaitIdle();
    user.forward(newest(quoted, "forward").mid());
    return this;
  }

  private BotMessage newest(String quoted, String action) {
    Objects.requireNonNull(quoted, "quoted");
    List<BotMessage> all = user.messages();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (quoted.equals(all.get(i).text())) {
        return all.get(i);
      }
    }
    throw new AssertionError(name() + " cannot " + action + " " + OwnMessages.quoted(quoted)
        + ": the dialog reads " + all.stream().map(m -> OwnMessages.quoted(String.valueOf(m.text()))).toList());
  }

  /**
   * Changes the text of the newest message this user sent that reads exactly {@code oldText}
   * (a {@code message_edited} update with the same message id). Fails listing what they sent
   * when no message of theirs reads so.
   */
  public TestUser edits(String oldText, String newText) {
    Objects.requireNonNull(newText, "newText");
    tester.awaitIdle();
    BotMessage message = own(oldText, "edit " + OwnMessages.quoted(oldText));
    user.editMessage(message.mid(), newText);
    return this;
  }

  /** Changes the text of the newest message this user sent; fails when they sent none. */
  public TestUser editsLast(String newText) {
    Objects.requireNonNull(newText, "newText");
    tester.awaitIdle();
    user.editMessage(own(null, "edit their last message").mid(), newText);
    return this;
  }

  /**
   * Deletes the newest message this user sent that reads exactly {@code text} (a
   * {@code message_removed} update); it is gone from the dialog. Fails listing what they sent
   * when no message of theirs reads so.
   */
  public TestUser deletes(String text) {
    tester.awaitIdle();
    user.deleteMessage(own(text, "delete " + OwnMessages.quoted(text)).mid());
    return this;
  }

  /** Deletes the newest message this user sent; fails when they sent none. */
  public TestUser deletesLast() {
    tester.awaitIdle();
    user.deleteMessage(own(null, "delete their last message").mid());
    return this;
  }

  private BotMessage own(String text, String action) {
    return OwnMessages.find(user.messages(), user.userId(), false, text,
        name() + " cannot " + action + " in their dialog");
  }

  /**
   * Presses the button with this text in the last keyboard the bot sent to this user: a callback
   * button sends its payload, a request-contact button shares the contact {@code +10000000000},
   * a location button shares a location. Fails listing the buttons there are when none matches.
   */
  public TestUser presses(String buttonText) {
    Objects.requireNonNull(buttonText, "buttonText");
    tester.awaitIdle();
    LastKeyboard.requireButton(user.messages(), buttonText,
        name() + " cannot press \"" + buttonText + "\"", "the bot has not sent them any keyboard");
    user.pressButton(buttonText);
    return this;
  }

  /**
   * Presses the callback button reading {@code buttonText} under the newest earlier bot message
   * reading {@code messageText}, even when newer keyboards followed: an old button, as a person
   * scrolling back up presses it. Fails listing the messages when none has such a button.
   */
  public TestUser pressesUnder(String messageText, String buttonText) {
    Objects.requireNonNull(messageText, "messageText");
    Objects.requireNonNull(buttonText, "buttonText");
    tester.awaitIdle();
    user.pressCallback(OldButtons.payload(user.messages(), messageText, buttonText, name()));
    return this;
  }

  /** Presses a button of the last keyboard as a tampered client would, sending {@code payload}. */
  public TestUser pressesForged(String payload) {
    Objects.requireNonNull(payload, "payload");
    tester.awaitIdle();
    user.pressForged(payload);
    return this;
  }

  /** Sends a sticker (a message with no text, only a sticker attachment). */
  public TestUser sendsSticker() {
    tester.awaitIdle();
    user.sendSticker("smile");
    return this;
  }

  /** Shares a contact with this phone number, as after pressing a request-contact button. */
  public TestUser sharesContact(String phone) {
    Objects.requireNonNull(phone, "phone");
    tester.awaitIdle();
    user.shareContact(phone);
    return this;
  }

  /** Shares a location, as after pressing a request-location button. */
  public TestUser sharesLocation(double latitude, double longitude) {
    tester.awaitIdle();
    user.shareLocation(latitude, longitude);
    return this;
  }

  /**
   * Opens the bot's constructor without typing (a {@code message_construction_request} with no
   * messages), starting a constructor session when none is open.
   */
  public TestUser opensConstructor() {
    constructor.open();
    return this;
  }

  /**
   * Types these messages into the bot's constructor, opening a session when none is open. Fails
   * when the bot's last constructor answer did not allow user input.
   */
  public TestUser constructs(String... texts) {
    constructor.type(texts);
    return this;
  }

  /**
   * Presses the button with this text in the bot's last constructor keyboard of the open session.
   * Fails listing the buttons there are when none matches.
   */
  public TestUser pressesInConstructor(String buttonText) {
    Objects.requireNonNull(buttonText, "buttonText");
    constructor.press(buttonText);
    return this;
  }

  /**
   * Posts what the constructor prepared (the messages of the bot's last answer, each a
   * {@code message_constructed} update) and closes the session. Fails when nothing was prepared.
   */
  public TestUser finishesConstruction() {
    constructor.finish();
    return this;
  }

  /**
   * Runs {@code check} on what the constructor shows after this user's latest constructor action:
   * the bot's newest answer. Each answer replaces the one before on screen, as in TamTam, so the
   * first constructor expectation after an action takes every answer not checked yet (failing when
   * there is none) and later ones look at the same answer.
   */
  public TestUser expectConstructorAnswer(Consumer<ConstructorReply> check) {
    Objects.requireNonNull(check, "check");
    check.accept(constructor.answer("a constructor answer"));
    return this;
  }

  /** Expects the bot's constructor answer to prepare exactly these message texts, in order. */
  public TestUser expectConstructorMessages(String... texts) {
    constructor.expectMessages(List.of(texts));
    return this;
  }

  /** Expects the bot's constructor answer to show exactly these buttons, row by row. */
  public TestUser expectConstructorKeyboard(String... buttons) {
    constructor.expectKeyboard(List.of(buttons));
    return this;
  }

  /** Expects the bot's constructor answer to show exactly this hint over its keyboard. */
  public TestUser expectConstructorHint(String hint) {
    Objects.requireNonNull(hint, "hint");
    constructor.expectHint(hint);
    return this;
  }

  /**
   * The id of this user's latest constructor session: the open one, or the one finished last;
   * empty before the user used the constructor.
   */
  public Optional<String> constructorSessionId() {
    return constructor.sessionId();
  }

  /** Expects the bot's next message to this user to read exactly {@code text}. */
  public TestUser expectReply(String text) {
    expectations.reply(text);
    return this;
  }

  /** Expects the bot's next message to contain {@code part}. */
  public TestUser expectReplyContaining(String part) {
    expectations.replyContaining(part);
    return this;
  }

  /** Expects a next message, whatever it says (check it later through {@link #lastReply()}). */
  public TestUser expectAnyReply() {
    expectations.reply(reply -> { });
    return this;
  }

  /** Expects a next message and runs {@code check} (JUnit assertions, typically) on it. */
  public TestUser expectReply(Consumer<Reply> check) {
    expectations.reply(check);
    return this;
  }

  /** Expects the bot's next edit of one of its messages to read exactly {@code text}. */
  public TestUser expectEdit(String text) {
    expectations.edit(text);
    return this;
  }

  /** Expects a next edit and runs {@code check} on the edited message. */
  public TestUser expectEdit(Consumer<Reply> check) {
    expectations.edit(check);
    return this;
  }

  /** Expects the next one-time notification (a callback answer) to read exactly {@code text}. */
  public TestUser expectNotification(String text) {
    expectations.notification(text);
    return this;
  }

  /**
   * Expects the message last checked by {@code expectReply}/{@code expectEdit} to have exactly
   * these buttons, row by row from the top, left to right.
   */
  public TestUser expectKeyboard(String... buttons) {
    expectations.keyboard(List.of(buttons));
    return this;
  }

  /** Expects the message last checked to have no inline keyboard. */
  public TestUser expectNoKeyboard() {
    expectations.noKeyboard();
    return this;
  }

  /**
   * Expects the message last checked to show {@code span} styled as {@code type} (TamTam markup:
   * {@code strong}, {@code emphasized}, {@code monospaced}, {@code link}...).
   */
  public TestUser expectStyled(String type, String span) {
    expectations.styled(type, span);
    return this;
  }

  /**
   * Expects that the bot did nothing else for this user: once it is idle, no message, edit,
   * notification or other event is left untaken.
   */
  public TestUser expectNoMoreReplies() {
    expectations.noMore();
    return this;
  }

  /** The message the last {@code expectReply}/{@code expectEdit} checked. */
  public Reply lastReply() {
    return expectations.last();
  }

  @Override
  public String toString() {
    return "TestUser[" + name() + "]";
  }
}
