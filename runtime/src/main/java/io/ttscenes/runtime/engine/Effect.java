package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import io.ttscenes.api.Sent;
import io.ttscenes.api.client.BotApi;
import io.ttscenes.api.client.MalformedResponseException;
import io.ttscenes.api.client.MessageTarget;
import io.ttscenes.api.model.CallbackAnswer;
import io.ttscenes.api.model.ConstructorAnswer;
import io.ttscenes.api.model.Message;
import io.ttscenes.api.model.NewMessageBody;
import io.ttscenes.api.model.SenderAction;
import io.ttscenes.runtime.client.AnswerlessWrites;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

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
   * the commit is planned), {@code from} the sender's key, {@code type} the payload's class name,
   * {@code order} its place among the sender's signals (set with the id; null in outboxes written
   * by a release before it, which are delivered without one).
   * It goes to the target's inbox in the store ({@link Signals}), not to the Bot API.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Signal(String target, String id, String from, String type, JsonNode payload, SignalOrder order)
      implements Effect {
    public Signal {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(type, "type");
    }

    /** This signal with its id and order, set when the commit that carries it is planned. */
    Signal withId(String signalId, SignalOrder signalOrder) {
      return new Signal(target, Objects.requireNonNull(signalId, "signalId"), from, type, payload,
          Objects.requireNonNull(signalOrder, "signalOrder"));
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
   * A message call that may carry a {@link Continuation} ({@code then}, null for none): a send
   * (also a forward) or an edit. With one, the call is made reading TamTam's answer, which the
   * continuation is given.
   */
  sealed interface MessageCall extends Effect {
    /** The continuation attached to this call, or null. */
    Continuation then();

    /** This call with {@code continuation} attached. */
    MessageCall withThen(Continuation continuation);

    /** Makes the call and returns what TamTam answered; {@code now} stamps an edit's answer. */
    Sent sendReading(BotApi api, Instant now);
  }

  /**
   * {@code wireBody} is {@code body} as JSON text when the outbox already wrote it (null
   * otherwise): it is sent as it is, so a reply is written once. It is not part of the JSON form.
   */
  record Send(MessageTarget target, NewMessageBody body, Continuation then, @JsonIgnore String wireBody)
      implements MessageCall {
    public Send {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(body, "body");
    }

    public Send(MessageTarget target, NewMessageBody body) {
      this(target, body, null, null);
    }

    @JsonCreator
    public Send(@JsonProperty("target") MessageTarget target, @JsonProperty("body") NewMessageBody body,
        @JsonProperty("then") Continuation then) {
      this(target, body, then, null);
    }

    /** This call with {@code json} as the written form of its body. */
    Send withWireBody(String json) {
      return new Send(target, body, then, json);
    }

    @Override
    public Send withThen(Continuation continuation) {
      return new Send(target, body, continuation, wireBody);
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

    @Override
    public Sent sendReading(BotApi api, Instant now) {
      Message message = api.sendMessage(target, body).message();
      if (message == null || message.body() == null || message.body().mid() == null) {
        throw new MalformedResponseException(operation(), 200, "the answer names no message id", null);
      }
      Instant time = message.timestamp() > 0 ? Instant.ofEpochMilli(message.timestamp()) : now;
      return new Sent(message.body().mid(), message.chatId(), time);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Edit(String messageId, NewMessageBody body, Continuation then) implements MessageCall {
    public Edit {
      Objects.requireNonNull(messageId, "messageId");
      Objects.requireNonNull(body, "body");
    }

    public Edit(String messageId, NewMessageBody body) {
      this(messageId, body, null);
    }

    @Override
    public Edit withThen(Continuation continuation) {
      return new Edit(messageId, body, continuation);
    }

    @Override
    public String operation() {
      return "editMessage";
    }

    @Override
    public void send(BotApi api) {
      api.editMessage(messageId, body);
    }

    @Override
    public Sent sendReading(BotApi api, Instant now) {
      send(api);
      return new Sent(messageId, Optional.empty(), now);
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
