package io.ttscenes.testkit.kit;

import io.ttscenes.testkit.ChatEvent;
import io.ttscenes.testkit.EmulatedUser;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * The constructor half of a {@link TestUser}: its actions in the bot's constructor and the checks
 * of the bot's answers. The constructor shows one answer at a time, each replacing the one before,
 * so the first check after an action takes every answer not checked yet and looks at the newest;
 * later checks look at that same answer until the next action. Not thread-safe.
 */
final class ConstructorSteps {
  private final BotTester tester;
  private final EmulatedUser user;
  private final Supplier<String> notTaken;
  private String sessionId;
  private ConstructorReply current;

  ConstructorSteps(BotTester tester, EmulatedUser user, Supplier<String> notTaken) {
    this.tester = tester;
    this.user = user;
    this.notTaken = notTaken;
  }

  Optional<String> sessionId() {
    return Optional.ofNullable(sessionId);
  }

  void open() {
    act(user::openConstructor);
  }

  void type(String... texts) {
    act(() -> user.construct(texts));
  }

  void press(String buttonText) {
    tester.awaitIdle();
    ConstructorReply shown = user.constructorAnswer()
        .map(json -> new ConstructorReply(user.constructorSession().orElseThrow(), json))
        .orElseThrow(() -> new AssertionError(user.name() + " cannot press \"" + buttonText
            + "\" in the constructor: the bot has shown no constructor keyboard in an open session"));
    String payload = shown.payloadOf(buttonText).orElseThrow(() -> new AssertionError(user.name()
        + " cannot press \"" + buttonText + "\" in the constructor: its keyboard has the buttons "
        + shown.keyboard()));
    act(() -> user.pressConstructorButton(payload));
  }

  void finish() {
    act(user::finishConstruction);
  }

  private void act(Supplier<String> action) {
    tester.awaitIdle();
    try {
      sessionId = action.get();
    } catch (IllegalStateException e) {
      throw new AssertionError(user.name() + " cannot do that in the constructor: " + e.getMessage(), e);
    }
    current = null;
  }

  ConstructorReply answer(String wanted) {
    if (current == null) {
      tester.awaitIdle();
      Optional<ChatEvent.ConstructorAnswered> newest = Optional.empty();
      for (Optional<ChatEvent.ConstructorAnswered> next = user.take(ChatEvent.ConstructorAnswered.class);
          next.isPresent(); next = user.take(ChatEvent.ConstructorAnswered.class)) {
        newest = next;
      }
      ChatEvent.ConstructorAnswered answered = newest.orElseThrow(() -> new AssertionError(user.name()
          + " expected " + wanted + " but the bot is idle and gave no constructor answer" + notTaken.get()));
      current = new ConstructorReply(answered.sessionId(), answered.answer());
    }
    return current;
  }

  void expectMessages(List<String> texts) {
    ConstructorReply reply = answer("a constructor answer with the messages " + texts);
    if (!reply.messages().equals(texts)) {
      throw new AssertionFailedError(user.name() + " expected the constructor to prepare " + texts
          + " but got " + reply, texts, reply.messages());
    }
  }

  void expectKeyboard(List<String> buttons) {
    ConstructorReply reply = answer("a constructor keyboard " + buttons);
    if (!reply.buttons().equals(buttons)) {
      throw new AssertionFailedError(user.name() + " expected the constructor buttons " + buttons
          + " but got " + reply, buttons, reply.buttons());
    }
  }

  void expectHint(String hint) {
    ConstructorReply reply = answer("a constructor hint \"" + hint + "\"");
    if (!reply.hint().equals(Optional.of(hint))) {
      throw new AssertionFailedError(user.name() + " expected the constructor hint \"" + hint
          + "\" but got " + reply, hint, reply.hint().orElse(null));
    }
  }
}
