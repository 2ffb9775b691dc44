package io.ttscenes.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.client.BotApi;
import io.ttscenes.api.client.MessageTarget;
import io.ttscenes.api.model.CallbackAnswer;
import io.ttscenes.api.model.NewMessageBody;
import io.ttscenes.runtime.client.AnswerlessWrites;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Outbox calls skip reading their answers when the client can, and are otherwise made as before. */
final class AnswerlessEffectsTest {
  private final List<String> calls = new ArrayList<>();

  /** A client recording each method called with its arguments; answers are not used by effects. */
  private BotApi client(Class<?>... interfaces) {
    return (BotApi) Proxy.newProxyInstance(getClass().getClassLoader(), interfaces,
        (proxy, method, args) -> {
          calls.add(method.getName() + " " + Arrays.toString(args));
          return null;
        });
  }

  private static List<Effect> outbox() {
    return List.of(new Effect.Send(MessageTarget.chat(5), NewMessageBody.text("hi")),
        new Effect.Answer("cb.1", CallbackAnswer.notification("Saved")));
  }

  @Test
  void aClientThatCanSkipAnswersGetsTheUnreadCallsWithTheSameArguments() {
    BotApi api = client(BotApi.class, AnswerlessWrites.class);

    outbox().forEach(effect -> effect.send(api));

    assertEquals(List.of(
        "sendMessageUnread [" + MessageTarget.chat(5) + ", " + NewMessageBody.text("hi") + "]",
        "answerOnCallbackUnread [cb.1, " + CallbackAnswer.notification("Saved") + "]"), calls);
  }

  @Test
  void aMessageWhoseBodyTheOutboxWroteIsSentWithThatText() {
    BotApi api = client(BotApi.class, AnswerlessWrites.class);
    String written = "{\"text\":\"hi\"}";

    new Effect.Send(MessageTarget.chat(5), NewMessageBody.text("hi")).withWireBody(written).send(api);

    assertEquals(List.of("sendMessageUnread [" + MessageTarget.chat(5) + ", "
        + NewMessageBody.text("hi") + ", " + written + "]"), calls);
  }

  @Test
  void anyOtherClientGetsTheOrdinaryCalls() {
    BotApi api = client(BotApi.class);

    outbox().forEach(effect -> effect.send(api));

    assertEquals(List.of(
        "sendMessage [" + MessageTarget.chat(5) + ", " + NewMessageBody.text("hi") + "]",
        "answerOnCallback [cb.1, " + CallbackAnswer.notification("Saved") + "]"), calls);
  }
}
