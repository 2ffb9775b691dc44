package io.ttscenes.testkit.kit;

import io.ttscenes.testkit.BotMessage;
import io.ttscenes.testkit.ChatEvent;
import io.ttscenes.testkit.EmulatedUser;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.opentest4j.AssertionFailedError;

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
  private Reply current;

  TestUser(BotTester tester, EmulatedUser user) {
    this.tester = tester;
    this.user = user;
    this.constructor = new ConstructorSteps(tester, user, this::notTaken);
  }

  /** The user's display name. */
  public String name() {
    return user.name();
  }

  /** The emulator's user behind this one, for actions the kit does not wrap. */
  public EmulatedUser emulated() {
    return user;
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

  /** Sends a text message; text starting with {@code /} is a command. */
  public TestUser sends(String text) {
    Objects.requireNonNull(text, "text");
    tester.awaitIdle();
    user.sendText(text);
    return this;
  }

  /**
   * Presses the button with this text in the last keyboard the bot sent to this user: a callback
   * button sends its payload, a request-contact button shares the contact {@code +10000000000},
   * a location button shares a location. Fails listing the buttons there are when none matches.
   */
  public TestUser presses(String buttonText) {
    Objects.requireNonNull(buttonText, "buttonText");
    tester.awaitIdle();
    List<BotMessage> withKeyboard = user.messages().stream()
        .filter(message -> !message.buttonTexts().isEmpty()).toList();
    if (withKeyboard.isEmpty()) {
      throw new AssertionError(name() + " cannot press \"" + buttonText
          + "\": the bot has not sent them any keyboard");
    }
    BotMessage last = withKeyboard.get(withKeyboard.size() - 1);
    boolean present = last.buttonTexts().stream().anyMatch(row -> row.contains(buttonText));
    if (!present) {
      throw new AssertionError(name() + " cannot press \"" + buttonText + "\": the last keyboard ("
          + "under \"" + last.text() + "\") has the buttons " + last.buttonTexts());
    }
    user.pressButton(buttonText);
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
    Objects.requireNonNull(text, "text");
    Reply reply = nextReply("a reply \"" + text + "\"");
    if (!reply.text().equals(text)) {
      throw new AssertionFailedError(name() + " expected the reply \"" + text + "\" but got "
          + reply + notTaken(), text, reply.text());
    }
    return this;
  }

  /** Expects the bot's next message to contain {@code part}. */
  public TestUser expectReplyContaining(String part) {
    Objects.requireNonNull(part, "part");
    Reply reply = nextReply("a reply containing \"" + part + "\"");
    if (!reply.text().contains(part)) {
      throw new AssertionFailedError(name() + " expected a reply containing \"" + part
          + "\" but got " + reply + notTaken(), part, reply.text());
    }
    return this;
  }

  /** Expects a next message, whatever it says (check it later through {@link #lastReply()}). */
  public TestUser expectAnyReply() {
    nextReply("a reply");
    return this;
  }

  /** Expects a next message and runs {@code check} (JUnit assertions, typically) on it. */
  public TestUser expectReply(Consumer<Reply> check) {
    Objects.requireNonNull(check, "check");
    check.accept(nextReply("a reply"));
    return this;
  }

  /** Expects the bot's next edit of one of its messages to read exactly {@code text}. */
  public TestUser expectEdit(String text) {
    Objects.requireNonNull(text, "text");
    Reply edited = nextEdit("an edit to \"" + text + "\"");
    if (!edited.text().equals(text)) {
      throw new AssertionFailedError(name() + " expected a message edited to \"" + text
          + "\" but it was edited to " + edited + notTaken(), text, edited.text());
    }
    return this;
  }

  /** Expects a next edit and runs {@code check} on the edited message. */
  public TestUser expectEdit(Consumer<Reply> check) {
    Objects.requireNonNull(check, "check");
    check.accept(nextEdit("an edit"));
    return this;
  }

  /** Expects the next one-time notification (a callback answer) to read exactly {@code text}. */
  public TestUser expectNotification(String text) {
    Objects.requireNonNull(text, "text");
    String shown = take(ChatEvent.Notification.class, "a notification \"" + text + "\"").text();
    if (!shown.equals(text)) {
      throw new AssertionFailedError(name() + " expected the notification \"" + text
          + "\" but saw \"" + shown + "\"" + notTaken(), text, shown);
    }
    return this;
  }

  /**
   * Expects the message last checked by {@code expectReply}/{@code expectEdit} to have exactly
   * these buttons, row by row from the top, left to right.
   */
  public TestUser expectKeyboard(String... buttons) {
    List<String> expected = List.of(buttons);
    Reply reply = lastReply();
    if (!reply.buttons().equals(expected)) {
      throw new AssertionFailedError(name() + " expected the buttons " + expected + " under "
          + "\"" + reply.text() + "\" but it has " + reply.keyboard(), expected, reply.buttons());
    }
    return this;
  }

  /** Expects the message last checked to have no inline keyboard. */
  public TestUser expectNoKeyboard() {
    Reply reply = lastReply();
    if (!reply.keyboard().isEmpty()) {
      throw new AssertionError(name() + " expected no keyboard under \"" + reply.text()
          + "\" but it has " + reply.keyboard());
    }
    return this;
  }

  /**
   * Expects the message last checked to show {@code span} styled as {@code type} (TamTam markup:
   * {@code strong}, {@code emphasized}, {@code monospaced}, {@code link}...).
   */
  public TestUser expectStyled(String type, String span) {
    Reply reply = lastReply();
    if (!reply.styled(type).contains(span)) {
      throw new AssertionError(name() + " expected \"" + span + "\" to be " + type + " in "
          + reply + "; the " + type + " parts are " + reply.styled(type));
    }
    return this;
  }

  /**
   * Expects that the bot did nothing else for this user: once it is idle, no message, edit,
   * notification or other event is left untaken.
   */
  public TestUser expectNoMoreReplies() {
    tester.awaitIdle();
    List<ChatEvent> left = user.untakenEvents();
    if (!left.isEmpty()) {
      throw new AssertionError(name() + " expected nothing more from the bot, but it also did: "
          + Events.describe(left));
    }
    return this;
  }

  /** The message the last {@code expectReply}/{@code expectEdit} checked. */
  public Reply lastReply() {
    if (current == null) {
      throw new IllegalStateException("no reply was checked for " + name()
          + " yet; call expectReply or expectEdit first");
    }
    return current;
  }

  private Reply nextReply(String wanted) {
    current = new Reply(take(ChatEvent.MessageSent.class, wanted).message());
    return current;
  }

  private Reply nextEdit(String wanted) {
    current = new Reply(take(ChatEvent.MessageEdited.class, wanted).message());
    return current;
  }

  private <T extends ChatEvent> T take(Class<T> type, String wanted) {
    tester.awaitIdle();
    Optional<T> event = user.take(type);
    return event.orElseThrow(() -> new AssertionError(name() + " expected " + wanted
        + " but the bot is idle and sent nothing of the kind" + notTaken()));
  }

  private String notTaken() {
    List<ChatEvent> left = user.untakenEvents();
    return left.isEmpty() ? "" : "; not checked yet: " + Events.describe(left);
  }

  @Override
  public String toString() {
    return "TestUser[" + name() + "]";
  }
}
