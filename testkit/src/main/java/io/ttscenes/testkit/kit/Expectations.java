package io.ttscenes.testkit.kit;

import io.ttscenes.testkit.ChatEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * The checks of what the bot did in one chat, shared by a user's dialog ({@link TestUser}) and a
 * group chat ({@link TestChat}): each waits until the bot is idle, takes the oldest event of its
 * kind not taken yet and fails with an {@link AssertionError} naming {@code who} and listing what
 * the bot did send. Not thread-safe.
 */
final class Expectations {
  /** Where the chat's events are taken from. */
  interface Source {
    <T extends ChatEvent> Optional<T> take(Class<T> type);

    List<ChatEvent> untaken();
  }

  private final BotTester tester;
  private final Supplier<String> who;
  private final Source source;
  private Reply current;

  Expectations(BotTester tester, Supplier<String> who, Source source) {
    this.tester = tester;
    this.who = who;
    this.source = source;
  }

  void reply(String text) {
    Objects.requireNonNull(text, "text");
    Reply reply = nextReply("a reply \"" + text + "\"");
    if (!reply.text().equals(text)) {
      throw new AssertionFailedError(who.get() + " expected the reply \"" + text + "\" but got "
          + reply + notTaken(), text, reply.text());
    }
  }

  void replyContaining(String part) {
    Objects.requireNonNull(part, "part");
    Reply reply = nextReply("a reply containing \"" + part + "\"");
    if (!reply.text().contains(part)) {
      throw new AssertionFailedError(who.get() + " expected a reply containing \"" + part
          + "\" but got " + reply + notTaken(), part, reply.text());
    }
  }

  void reply(Consumer<Reply> check) {
    Objects.requireNonNull(check, "check");
    check.accept(nextReply("a reply"));
  }

  void edit(String text) {
    Objects.requireNonNull(text, "text");
    Reply edited = nextEdit("an edit to \"" + text + "\"");
    if (!edited.text().equals(text)) {
      throw new AssertionFailedError(who.get() + " expected a message edited to \"" + text
          + "\" but it was edited to " + edited + notTaken(), text, edited.text());
    }
  }

  void edit(Consumer<Reply> check) {
    Objects.requireNonNull(check, "check");
    check.accept(nextEdit("an edit"));
  }

  void notification(String text) {
    Objects.requireNonNull(text, "text");
    String shown = take(ChatEvent.Notification.class, "a notification \"" + text + "\"").text();
    if (!shown.equals(text)) {
      throw new AssertionFailedError(who.get() + " expected the notification \"" + text
          + "\" but saw \"" + shown + "\"" + notTaken(), text, shown);
    }
  }

  void keyboard(List<String> expected) {
    Reply reply = last();
    if (!reply.buttons().equals(expected)) {
      throw new AssertionFailedError(who.get() + " expected the buttons " + expected + " under "
          + "\"" + reply.text() + "\" but it has " + reply.keyboard(), expected, reply.buttons());
    }
  }

  void noKeyboard() {
    Reply reply = last();
    if (!reply.keyboard().isEmpty()) {
      throw new AssertionError(who.get() + " expected no keyboard under \"" + reply.text()
          + "\" but it has " + reply.keyboard());
    }
  }

  void styled(String type, String span) {
    Reply reply = last();
    if (!reply.styled(type).contains(span)) {
      throw new AssertionError(who.get() + " expected \"" + span + "\" to be " + type + " in "
          + reply + "; the " + type + " parts are " + reply.styled(type));
    }
  }

  void noMore() {
    tester.awaitIdle();
    List<ChatEvent> left = source.untaken();
    if (!left.isEmpty()) {
      throw new AssertionError(who.get() + " expected nothing more from the bot, but it also did: "
          + Events.describe(left));
    }
  }

  Reply last() {
    if (current == null) {
      throw new IllegalStateException("no reply was checked for " + who.get()
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
    Optional<T> event = source.take(type);
    return event.orElseThrow(() -> new AssertionError(who.get() + " expected " + wanted
        + " but the bot is idle and sent nothing of the kind" + notTaken()));
  }

  String notTaken() {
    List<ChatEvent> left = source.untaken();
    return left.isEmpty() ? "" : "; not checked yet: " + Events.describe(left);
  }
}
