package io.ttscenes.testkit.kit;

import io.ttscenes.testkit.BotMessage;
import io.ttscenes.testkit.ChatEvent;
import io.ttscenes.testkit.EmulatedChat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A group chat (or a channel) with the bot under test, made by {@link BotTester#groupChat} or
 * {@link BotTester#channel}. Members act in it
 * through {@link #as(TestUser)} ({@code team.as(alice).sends("/vote")}); the owner changes it
 * ({@link #add}, {@link #remove}, {@link #rename}, {@link #removeBot}). Expectations check what the
 * bot posted in the chat, as {@link TestUser}'s do for a dialog: each waits until the bot is idle
 * and takes the oldest message (or edit, or notification) of its kind not checked yet. Every method
 * returns this chat, so a scene reads as one chain. Not thread-safe: script it from one thread.
 */
public final class TestChat {
  private final BotTester tester;
  private final EmulatedChat chat;
  private final TestUser owner;
  private final Expectations expectations;

  TestChat(BotTester tester, EmulatedChat chat, TestUser owner) {
    this.tester = tester;
    this.chat = chat;
    this.owner = owner;
    this.expectations = new Expectations(tester, () -> "chat \"" + chat.title() + "\"",
        new Expectations.Source() {
          @Override
          public <T extends ChatEvent> Optional<T> take(Class<T> type) {
            return chat.take(type);
          }

          @Override
          public List<ChatEvent> untaken() {
            return chat.untakenEvents();
          }
        });
  }

  /** The chat's title now. */
  public String title() {
    return chat.title();
  }

  /** The chat's id. */
  public long chatId() {
    return chat.chatId();
  }

  /** The emulator's chat behind this one, for actions the kit does not wrap. */
  public EmulatedChat emulated() {
    return chat;
  }

  TestUser owner() {
    return owner;
  }

  /** {@code user}, a member, acting in this chat. */
  public Member as(TestUser user) {
    Objects.requireNonNull(user, "user");
    return new Member(user);
  }

  /**
   * The owner adds these users to the chat: one {@code user_added} each, naming the owner as
   * inviter. The bot may handle them in parallel (each user has a session of their own by
   * default), so expect their answers one user at a time when their order matters.
   */
  public TestChat add(TestUser... users) {
    tester.awaitIdle();
    for (TestUser user : users) {
      chat.add(user.emulated(), owner.emulated());
    }
    return this;
  }

  /** The owner removes {@code user} from the chat (a {@code user_removed} naming the owner as admin). */
  public TestChat remove(TestUser user) {
    tester.awaitIdle();
    chat.remove(user.emulated(), owner.emulated());
    return this;
  }

  /** The owner renames the chat (a {@code chat_title_changed} update). */
  public TestChat rename(String title) {
    tester.awaitIdle();
    chat.rename(title, owner.emulated());
    return this;
  }

  /** The owner removes the bot (a {@code bot_removed} update); it hears nothing more from the chat. */
  public TestChat removeBot() {
    tester.awaitIdle();
    chat.removeBot(owner.emulated());
    return this;
  }

  /** The owner adds the bot again, as an administrator (a {@code bot_added} update). */
  public TestChat addBot() {
    tester.awaitIdle();
    chat.addBot(owner.emulated());
    return this;
  }

  /** Expects the bot's next message in the chat to read exactly {@code text}. */
  public TestChat expectReply(String text) {
    expectations.reply(text);
    return this;
  }

  /** Expects the bot's next message in the chat to contain {@code part}. */
  public TestChat expectReplyContaining(String part) {
    expectations.replyContaining(part);
    return this;
  }

  /** Expects a next message in the chat, whatever it says (check it later through {@link #lastReply()}). */
  public TestChat expectAnyReply() {
    expectations.reply(reply -> { });
    return this;
  }

  /** Expects a next message in the chat and runs {@code check} on it. */
  public TestChat expectReply(Consumer<Reply> check) {
    expectations.reply(check);
    return this;
  }

  /** Expects the bot's next edit of one of its messages in the chat to read exactly {@code text}. */
  public TestChat expectEdit(String text) {
    expectations.edit(text);
    return this;
  }

  /** Expects a next edit in the chat and runs {@code check} on the edited message. */
  public TestChat expectEdit(Consumer<Reply> check) {
    expectations.edit(check);
    return this;
  }

  /** Expects the next callback notification, shown to whoever pressed, to read exactly {@code text}. */
  public TestChat expectNotification(String text) {
    expectations.notification(text);
    return this;
  }

  /** Expects the message last checked to have exactly these buttons, row by row. */
  public TestChat expectKeyboard(String... buttons) {
    expectations.keyboard(List.of(buttons));
    return this;
  }

  /** Expects the message last checked to have no inline keyboard. */
  public TestChat expectNoKeyboard() {
    expectations.noKeyboard();
    return this;
  }

  /** Expects the message last checked to show {@code span} styled as {@code type} ({@code strong}...). */
  public TestChat expectStyled(String type, String span) {
    expectations.styled(type, span);
    return this;
  }

  /** Expects that the bot did nothing else in the chat: once it is idle, no event is left untaken. */
  public TestChat expectNoMoreReplies() {
    expectations.noMore();
    return this;
  }

  /** The message the last {@code expectReply}/{@code expectEdit} checked. */
  public Reply lastReply() {
    return expectations.last();
  }

  @Override
  public String toString() {
    return "TestChat[" + title() + "]";
  }

  /**
   * A member acting in the chat. Each action first waits until the bot is idle, then sends the
   * update TamTam would send, and returns the chat for its expectations.
   */
  public final class Member {
    private final TestUser user;

    private Member(TestUser user) {
      this.user = user;
    }

    /**
     * Writes {@code text} in the chat; text starting with {@code /} is a command. In a channel only
     * the owner posts (on behalf of the channel); a subscriber gets IllegalArgumentException.
     */
    public TestChat sends(String text) {
      Objects.requireNonNull(text, "text");
      tester.awaitIdle();
      chat.sendText(user.emulated(), text);
      return TestChat.this;
    }

    /** Posts a photo with {@code caption} (may be empty) in the chat, as TamTam delivers a member's photo. */
    public TestChat sendsPhoto(String caption) {
      Objects.requireNonNull(caption, "caption");
      tester.awaitIdle();
      chat.sendPhoto(user.emulated(), caption);
      return TestChat.this;
    }

    /** Shares their own contact with {@code phone} in the chat (a message with only a contact). */
    public TestChat sharesContact(String phone) {
      Objects.requireNonNull(phone, "phone");
      tester.awaitIdle();
      chat.shareContact(user.emulated(), phone);
      return TestChat.this;
    }

    /** Shares a link to {@code url} in the chat: a message with the URL as text and its preview (a share). */
    public TestChat sharesLink(String url) {
      Objects.requireNonNull(url, "url");
      tester.awaitIdle();
      chat.shareLink(user.emulated(), url);
      return TestChat.this;
    }

    /**
     * Replies in the chat to the newest message there (the bot's or a member's) that reads exactly
     * {@code quoted}, with {@code text} (TamTam's link of type {@code reply}). Fails listing the
     * chat's texts when none reads so.
     */
    public TestChat repliesTo(String quoted, String text) {
      Objects.requireNonNull(quoted, "quoted");
      Objects.requireNonNull(text, "text");
      tester.awaitIdle();
      List<BotMessage> all = chat.messages();
      for (int i = all.size() - 1; i >= 0; i--) {
        if (quoted.equals(all.get(i).text())) {
          chat.replyTo(user.emulated(), all.get(i).mid(), text);
          return TestChat.this;
        }
      }
      throw new AssertionError(user.name() + " cannot reply to " + OwnMessages.quoted(quoted) + " in " + title()
          + ": the chat reads " + all.stream().map(m -> OwnMessages.quoted(String.valueOf(m.text()))).toList());
    }

    /**
     * Presses the callback button with this text in the last keyboard the bot posted in the chat.
     * Fails listing the buttons there are when none matches.
     */
    public TestChat presses(String buttonText) {
      Objects.requireNonNull(buttonText, "buttonText");
      tester.awaitIdle();
      LastKeyboard.requireButton(chat.messages(), buttonText,
          user.name() + " cannot press \"" + buttonText + "\" in " + title(),
          "the bot has posted no keyboard there");
      chat.pressButton(user.emulated(), buttonText);
      return TestChat.this;
    }

    /**
     * Presses the callback button reading {@code buttonText} under the newest bot message of the
     * chat reading {@code messageText}, even when newer keyboards followed (an old poll's button).
     */
    public TestChat pressesUnder(String messageText, String buttonText) {
      Objects.requireNonNull(messageText, "messageText");
      Objects.requireNonNull(buttonText, "buttonText");
      tester.awaitIdle();
      chat.pressCallback(user.emulated(), OldButtons.payload(chat.messages(), messageText, buttonText,
          user.name() + " in " + title()));
      return TestChat.this;
    }

    /**
     * Changes the text of the newest message this member wrote in the chat that reads exactly
     * {@code oldText} (a {@code message_edited} update, which the bot gets while it is a member).
     * Fails listing what they wrote when no message of theirs reads so.
     */
    public TestChat edits(String oldText, String newText) {
      Objects.requireNonNull(newText, "newText");
      tester.awaitIdle();
      chat.editMessage(user.emulated(), own(oldText, "edit " + OwnMessages.quoted(oldText)).mid(), newText);
      return TestChat.this;
    }

    /** Changes the text of the newest message this member wrote in the chat; fails when none. */
    public TestChat editsLast(String newText) {
      Objects.requireNonNull(newText, "newText");
      tester.awaitIdle();
      chat.editMessage(user.emulated(), own(null, "edit their last message").mid(), newText);
      return TestChat.this;
    }

    /**
     * Deletes the newest message this member wrote in the chat that reads exactly {@code text}
     * (a {@code message_removed} update while the bot is a member). Fails listing what they
     * wrote when no message of theirs reads so.
     */
    public TestChat deletes(String text) {
      tester.awaitIdle();
      chat.deleteMessage(user.emulated(), own(text, "delete " + OwnMessages.quoted(text)).mid());
      return TestChat.this;
    }

    /** Deletes the newest message this member wrote in the chat; fails when none. */
    public TestChat deletesLast() {
      tester.awaitIdle();
      chat.deleteMessage(user.emulated(), own(null, "delete their last message").mid());
      return TestChat.this;
    }

    private BotMessage own(String text, String action) {
      return OwnMessages.find(chat.messages(), user.emulated().userId(), chat.isChannel(), text,
          user.name() + " cannot " + action + " in " + title());
    }

    /** Leaves the chat (a {@code user_removed} update without admin). */
    public TestChat leaves() {
      tester.awaitIdle();
      chat.leave(user.emulated());
      return TestChat.this;
    }
  }
}
