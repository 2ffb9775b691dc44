package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import io.ttscenes.api.client.BotApi;
import io.ttscenes.api.client.MessageTarget;
import io.ttscenes.api.model.CallbackAnswer;
import io.ttscenes.api.model.ConstructorAnswer;
import io.ttscenes.api.model.NewMessageBody;
import io.ttscenes.api.model.SenderAction;
import io.ttscenes.runtime.client.AnswerlessWrites;
import java.util.Objects;

/**
 * One Bot API write call a handler recorded. Effects are stored in the outbox as JSON (type in
 * the {@code effect} field) and sent in order after the commit.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "effect")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Effect.Send.class, name = "send"),
    @JsonSubTypes.Type(value = Effect.Edit.class, name = "edit"),
    @JsonSubTypes.Type(value = Effect.Delete.class, name = "delete"),
    @JsonSubTypes.Type(value = Effect.Answer.class, name = "answer"),
    @JsonSubTypes.Type(value = Effect.Action.class, name = "action"),
    @JsonSubTypes.Type(value = Effect.Construct.class, name = "construct"),
    @JsonSubTypes.Type(value = Effect.Signal.class, name = "signal")})
sealed interface Effect {

  /**
   * A signal to another session: {@code target} its key, {@code id} unique per signal (the
   * sender's key, the dedupe id of the event that recorded it and the effect's index; null until
   * the commit is planned), {@code from} the sender's key, {@code type} the payload's class name.
   * It goes to the target's inbox in the store ({@link Signals}), not to the Bot API.
   */
  record Signal(String target, String id, String from, String type, JsonNode payload) implements Effect {
    public Signal {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(type, "type");
    }

    /** This signal with its id, set when the commit that carries it is planned. */
    Signal withId(String signalId) {
      return new Signal(target, Objects.requireNonNull(signalId, "signalId"), from, type, payload);
    }

    @Override
    public String operation() {
      return "signal";
    }

    @Override
    public void send(BotApi api) {
      throw new IllegalStateException("signal " + id + " goes to session " + target
          + " through the store, not the Bot API");
    }
  }

  /** The BotApi operation name, for logs and metrics. */
  String operation();

  /** Makes the call; its answer is not needed, so a client that can skip reading it does. */
  void send(BotApi api);

  /**
   * {@code wireBody} is {@code body} as JSON text when the outbox already wrote it (null
   * otherwise): it is sent as it is, so a reply is written once. It is not part of the JSON form.
   */
  record Send(MessageTarget target, NewMessageBody body, @JsonIgnore String wireBody) implements Effect {
    public Send {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(body, "body");
    }

    @JsonCreator
    public Send(@JsonProperty("target") MessageTarget target, @JsonProperty("body") NewMessageBody body) {
      this(target, body, null);
    }

    /** This call with {@code json} as the written form of its body. */
    Send withWireBody(String json) {
      return new Send(target, body, json);
    }

    @Override
    public String operation() {
      return "sendMessage";
    }

    @Override
    public void send(BotApi api) {
      if (api instanceof AnswerlessWrites writes) {
        if (wireBody != null) {
          writes.sendMessageUnread(target, body, wireBody);
        } else {
          writes.sendMessageUnread(target, body);
        }
      } else {
        api.sendMessage(target, body);
      }
    }
  }

  record Edit(String messageId, NewMessageBody body) implements Effect {
    public Edit {
      Objects.requireNonNull(messageId, "messageId");
      Objects.requireNonNull(body, "body");
    }

    @Override
    public String operation() {
      return "editMessage";
    }

    @Override
    public void send(BotApi api) {
      api.editMessage(messageId, body);
    }
  }

  record Delete(String messageId) implements Effect {
    public Delete {
      Objects.requireNonNull(messageId, "messageId");
    }

    @Override
    public String operation() {
      return "deleteMessage";
    }

    @Override
    public void send(BotApi api) {
      api.deleteMessage(messageId);
    }
  }

  record Answer(String callbackId, CallbackAnswer answer) implements Effect {
    public Answer {
      Objects.requireNonNull(callbackId, "callbackId");
      Objects.requireNonNull(answer, "answer");
    }

    @Override
    public String operation() {
      return "answerOnCallback";
    }

    @Override
    public void send(BotApi api) {
      if (api instanceof AnswerlessWrites writes) {
        writes.answerOnCallbackUnread(callbackId, answer);
      } else {
        api.answerOnCallback(callbackId, answer);
      }
    }
  }

  record Action(long chatId, SenderAction action) implements Effect {
    public Action {
      Objects.requireNonNull(action, "action");
    }

    @Override
    public String operation() {
      return "sendAction";
    }

    @Override
    public void send(BotApi api) {
      api.sendAction(chatId, action);
    }
  }

  record Construct(String sessionId, ConstructorAnswer answer) implements Effect {
    public Construct {
      Objects.requireNonNull(sessionId, "sessionId");
      Objects.requireNonNull(answer, "answer");
    }

    @Override
    public String operation() {
      return "construct";
    }

    @Override
    public void send(BotApi api) {
      api.construct(sessionId, answer);
    }
  }
}
