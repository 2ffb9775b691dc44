package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.ttscenes.api.Bot;
import io.ttscenes.api.Construction;
import io.ttscenes.api.Context;
import io.ttscenes.api.DialogResult;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.RouteMatch;
import io.ttscenes.api.Scene;
import io.ttscenes.api.SessionRef;
import io.ttscenes.api.Updates;
import io.ttscenes.runtime.client.RequestChecks;
import io.ttscenes.api.client.BotApi;
import io.ttscenes.api.client.BotReads;
import io.ttscenes.api.client.MessageTarget;
import io.ttscenes.api.keyboard.Keyboard;
import io.ttscenes.api.client.ApiLimits;
import io.ttscenes.api.i18n.Messages;
import io.ttscenes.api.model.BotStartedUpdate;
import io.ttscenes.api.model.CallbackAnswer;
import io.ttscenes.api.model.ChatType;
import io.ttscenes.api.model.CallbackButton;
import io.ttscenes.api.model.Intent;
import io.ttscenes.api.model.ConstructorAnswer;
import io.ttscenes.api.model.MessageConstructionRequest;
import io.ttscenes.api.model.SenderAction;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.model.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.MatchResult;

/**
 * The context of one handler run: reads come from the update and the typed {@link Session};
 * writes are recorded as {@link Effect}s and transitions as one pending {@link Transition}.
 * Confined to the lane thread running the update.
 */
final class SessionContext implements Context<Object> {
  /** The latest due time a job can have: due times are stored as epoch milliseconds in a long. */
  private static final Instant LATEST_DUE = Instant.ofEpochMilli(Long.MAX_VALUE);

  private final Bot bot;
  private final Session session;
  private final Update update;
  private final String key;
  private final Instant now;
  private final Optional<ScheduledJob> job;
  private Optional<SessionRef> signalSender = Optional.empty();
  private Optional<Continued> continued = Optional.empty();
  private final SessionCodec codec;
  private final BotReads api;
  private final List<Effect> effects = new ArrayList<>();
  private final List<FlowEvent> events = new ArrayList<>();
  private RouteMatch match = new RouteMatch("", Optional.empty());
  private Transition pending;
  private Authoring authoring;
  private Object typedValue;

  SessionContext(Bot bot, Session session, Update update, String key, Instant now,
      Optional<ScheduledJob> job, SessionCodec codec, BotApi api) {
    this.bot = bot;
    this.session = session;
    this.update = update;
    this.key = key;
    this.now = now;
    this.job = job;
    this.codec = codec;
    this.api = new ReadOnlyApi(api);
  }

  Session session() {
    return session;
  }

  /** Reads a signal's stored payload as {@code type}; {@link IllegalArgumentException} when it does not fit. */
  <T> T read(String what, JsonNode payload, Class<T> type) {
    return codec.payload(what, payload, type);
  }

  /** Marks this context as handling a signal from {@code sender}. */
  SessionContext fromSignal(SessionRef sender) {
    this.signalSender = Optional.of(sender);
    return this;
  }

  /** Marks this context as running the continuation whose outcome is {@code outcome}. */
  SessionContext fromContinuation(Continued outcome) {
    this.continued = Optional.of(outcome);
    return this;
  }

  List<Effect> effects() {
    return List.copyOf(effects);
  }

  /** Records what this run did to the session's place; kept only if its commit wins. */
  void flow(FlowEvent event) {
    events.add(event);
  }

  List<FlowEvent> events() {
    return List.copyOf(events);
  }

  void authoring(Authoring authoring) {
    this.authoring = authoring;
  }

  void typedValue(Object value) {
    this.typedValue = value;
  }

  void match(RouteMatch match) {
    this.match = match;
  }

  boolean hasPendingTransition() {
    return pending != null;
  }

  /** Returns and forgets the pending transition. */
  Optional<Transition> takeTransition() {
    Optional<Transition> taken = Optional.ofNullable(pending);
    pending = null;
    return taken;
  }

  @Override public Update update() { return update; }
  @Override public boolean isTimeout() { return job.filter(j -> Jobs.isTimeout(j.name())).isPresent(); }
  @Override public String sessionKey() { return key; }
  @Override public Optional<User> user() { return update.user(); }
  @Override public BotReads api() { return api; }
  @Override public Instant now() { return now; }
  @Override public String text() { return Updates.text(update).orElse(""); }
  @Override public String args() { return match.args(); }
  @Override public Optional<MatchResult> regex() { return match.regex(); }
  @Override public String payload() { return Updates.callbackPayload(update).orElse(""); }
  @Override public String startPayload() { return Updates.startPayload(update).orElse(""); }
  @Override public Optional<String> sceneId() { return session.scene().map(Scene::id); }
  @Override public Optional<String> step() { return Optional.ofNullable(session.step); }

  @Override
  public Optional<Long> userId() {
    return Updates.userId(update).or(() -> Optional.ofNullable(session.user));
  }

  @Override
  public Optional<Long> chatId() {
    return Updates.chatId(update).or(() -> Optional.ofNullable(session.chat));
  }

  @Override
  public Optional<ChatType> chatType() {
    return update.chatType();
  }

  @Override
  public Optional<Locale> locale() {
    return Extras.locale(session.extras)
        .or(() -> update.userLocale().filter(tag -> !tag.isBlank()))
        .map(Locale::forLanguageTag);
  }

  @Override
  public Context<Object> setLocale(Locale locale) {
    Extras.chosenLocale(session.extras, Objects.requireNonNull(locale, "locale").toLanguageTag());
    return this;
  }

  @Override
  public String t(String key, Object... args) {
    Messages messages = messages(key);
    return messages.format(locale().orElse(messages.fallback()), key, args);
  }

  @Override
  public String t(Locale locale, String key, Object... args) {
    Objects.requireNonNull(locale, "locale");
    return messages(key).format(locale, key, args);
  }

  private Messages messages(String key) {
    return bot.messages().orElseThrow(() -> new IllegalStateException("bot '" + bot.name()
        + "' declares no messages; add Bot.Builder.messages(...) to use t(\"" + key + "\")"));
  }

  @Override
  public <T> T payload(Class<T> type) {
    if (!type.isInstance(typedValue)) {
      throw new IllegalStateException("update " + update.updateType() + " carries no typed payload of "
          + type.getName() + (typedValue == null ? "" : "; it carries a " + typedValue.getClass().getName()));
    }
    return type.cast(typedValue);
  }

  @Override
  public CallbackButton button(String text, Object data) {
    return button(text, data, Intent.DEFAULT);
  }

  @Override
  public CallbackButton button(String text, Object data, Intent intent) {
    Objects.requireNonNull(data, "data");
    ApiLimits.checkButtonText(Objects.requireNonNull(text, "text"));
    return CallbackButton.of(text, authoring().button(session, data), Objects.requireNonNull(intent, "intent"));
  }

  @Override
  public String startLink(Object data) {
    return authoring().startLink(Objects.requireNonNull(data, "data"));
  }

  @Override
  public Context<Object> expireButtons() {
    Extras.stamp(session.extras);
    Extras.newScreen(session.extras);
    return this;
  }

  @Override
  public int failedAttempts() {
    return Extras.attempts(session.extras);
  }

  @Override
  public Context<Object> failedAttempt() {
    Extras.failedAttempt(session.extras);
    return this;
  }

  private Authoring authoring() {
    if (authoring == null) {
      throw new IllegalStateException("typed payloads need the engine's authoring blocks; this context has none");
    }
    return authoring;
  }

  @Override
  public Object data() {
    currentScene("data()");
    return session.data;
  }

  @Override
  public Context<Object> setData(Object data) {
    Scene<?> scene = currentScene("setData()");
    session.data = checkType("data of scene '" + scene.id() + "'", data, scene.dataType());
    return this;
  }

  @Override
  public <S> S session(Class<S> type) {
    Class<?> declared = sessionType();
    if (!type.equals(declared)) {
      throw new IllegalArgumentException("session data is declared as " + declared.getName()
          + ", not " + type.getName());
    }
    return type.cast(session.sessionData);
  }

  @Override
  public Context<Object> setSession(Object value) {
    session.sessionData = checkType("session data", value, sessionType());
    return this;
  }

  @Override
  public <C> C chatData(Class<C> type) {
    ChatShare share = inGroup("chatData()");
    C data = share.get(type, key);
    counted(share);
    return data;
  }

  @Override
  public Context<Object> setChatData(Object chatData) {
    ChatShare share = inGroup("setChatData()");
    share.set(chatData, key);
    counted(share);
    return this;
  }

  /** Records the chat data's reset once per run: no user notice, as the member's session goes on. */
  private void counted(ChatShare share) {
    share.reset().filter(reset -> !events.contains(reset)).ifPresent(this::flow);
  }

  /** The run's chat data, refused in a private dialog, where there is no group to share it. */
  private ChatShare inGroup(String call) {
    boolean dialog = update instanceof BotStartedUpdate || Updates.message(update)
        .map(m -> m.recipient() != null && m.recipient().chatType() == ChatType.DIALOG).orElse(false);
    if (dialog) {
      throw new IllegalStateException(call + " is for group chats; session '" + key
          + "' is a private dialog, which has no chat data");
    }
    return session.chatShare;
  }

  @Override
  public Context<Object> reply(String text) {
    return reply(OutgoingMessage.text(text));
  }

  @Override
  public Context<Object> reply(String text, Keyboard keyboard) {
    return reply(OutgoingMessage.text(text).keyboard(keyboard));
  }

  @Override
  public Context<Object> reply(OutgoingMessage message) {
    MessageTarget target = chatId().map(MessageTarget::chat)
        .or(() -> userId().map(MessageTarget::user))
        .orElseThrow(() -> new IllegalStateException("update " + update.updateType()
            + " names no chat or user to reply to; use sendToChat or sendToUser"));
    return record(new Effect.Send(preview(target, message), message.body()));
  }

  @Override
  public Context<Object> sendToUser(long userId, OutgoingMessage message) {
    return record(new Effect.Send(preview(MessageTarget.user(userId), message), message.body()));
  }

  @Override
  public Context<Object> sendToChat(long chatId, OutgoingMessage message) {
    return record(new Effect.Send(preview(MessageTarget.chat(chatId), message), message.body()));
  }

  @Override
  public Context<Object> edit(String messageId, OutgoingMessage message) {
    return record(new Effect.Edit(Objects.requireNonNull(messageId, "messageId"), message.body()));
  }

  @Override
  public Context<Object> delete(String messageId) {
    return record(new Effect.Delete(Objects.requireNonNull(messageId, "messageId")));
  }

  @Override
  public Context<Object> answer(String notification) {
    return answer(CallbackAnswer.notification(Objects.requireNonNull(notification, "notification")));
  }

  @Override
  public Context<Object> answer(OutgoingMessage message) {
    return answer(new CallbackAnswer(message.body(), null));
  }

  @Override
  public Context<Object> answer(String notification, OutgoingMessage message) {
    return answer(new CallbackAnswer(message.body(), Objects.requireNonNull(notification, "notification")));
  }

  private Context<Object> answer(CallbackAnswer answer) {
    String callbackId = Updates.callbackId(update).orElseThrow(() -> new IllegalStateException(
        "answer() needs a message_callback update; this one is " + update.updateType()));
    return record(new Effect.Answer(callbackId, Objects.requireNonNull(answer, "answer")));
  }

  @Override
  public Context<Object> action(SenderAction action) {
    long chat = chatId().orElseThrow(() -> new IllegalStateException(
        "action() needs a chat; update " + update.updateType() + " has none"));
    return record(new Effect.Action(chat, Objects.requireNonNull(action, "action")));
  }

  @Override
  public Context<Object> construct(Construction answer) {
    return construct(Objects.requireNonNull(answer, "answer").toAnswer());
  }

  @Override
  public Context<Object> construct(ConstructorAnswer answer) {
    if (!(update instanceof MessageConstructionRequest request)) {
      throw new IllegalStateException("construct() needs a message_construction_request update; this one is "
          + update.updateType());
    }
    return record(new Effect.Construct(request.sessionId(), Objects.requireNonNull(answer, "answer")));
  }

  @Override
  public Context<Object> enter(String sceneId) {
    Scene<?> scene = knownScene(sceneId);
    Object data = scene.initialData().orElseThrow(() -> new IllegalArgumentException("scene '"
        + sceneId + "' has no initial data; call enter(\"" + sceneId + "\", data) or declare initialData"));
    return request(new Transition.Enter(scene, data));
  }

  @Override
  public <T> Context<Object> enter(Scene<T> scene, T data) {
    return enter(Objects.requireNonNull(scene, "scene").id(), data);
  }

  @Override
  public <T> Context<Object> call(Scene<T> scene, T input) {
    return call(Objects.requireNonNull(scene, "scene").id(), input);
  }

  @Override
  public Context<Object> enter(String sceneId, Object data) {
    Scene<?> scene = knownScene(sceneId);
    return request(new Transition.Enter(scene, checkType("data of scene '" + sceneId + "'", data,
        scene.dataType())));
  }

  @Override
  public Context<Object> call(String sceneId, Object input) {
    Scene<?> caller = currentScene("call()");
    Scene<?> scene = knownScene(sceneId);
    if (DialogStack.depth(session.extras) >= DialogStack.MAX_DEPTH) {
      throw new IllegalStateException("scene '" + caller.id() + "' cannot call '" + sceneId + "': "
          + DialogStack.MAX_DEPTH + " sub-dialogs are already running, the most a session keeps");
    }
    return request(new Transition.Call(scene, checkType("input of scene '" + sceneId + "'", input,
        scene.dataType())));
  }

  @Override
  public Context<Object> finish(Object result) {
    Objects.requireNonNull(result, "result");
    inDialog("finish()");
    return request(new Transition.Return(new DialogResult.Returned<>(result)));
  }

  @Override
  public Context<Object> cancelDialog() {
    inDialog("cancelDialog()");
    return request(new Transition.Return(new DialogResult.Cancelled<>()));
  }

  private void inDialog(String what) {
    if (DialogStack.depth(session.extras) == 0) {
      throw new IllegalStateException(what + " needs a sub-dialog started with call(); session " + key
          + " is in " + session.scene().map(s -> "scene '" + s.id() + "'").orElse("the root") + " without one");
    }
  }

  @Override public Context<Object> leave() { return request(new Transition.Leave()); }
  @Override public Context<Object> back() { return request(new Transition.Back()); }

  @Override
  public Context<Object> reenter() {
    currentScene("reenter()");
    return request(new Transition.Reenter());
  }

  @Override
  public Context<Object> next() {
    wizard("next()");
    return request(new Transition.Next());
  }

  @Override
  public Context<Object> goTo(String step) {
    Scene<?> scene = wizard("goTo()");
    if (scene.step(step).isEmpty()) {
      throw new IllegalArgumentException("scene '" + scene.id() + "' has no wizard step '" + step + "'");
    }
    return request(new Transition.GoTo(step));
  }

  @Override
  public Context<Object> schedule(String name, Duration delay, Object payload) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay of job '" + name + "' is " + delay + "; it must not be negative");
    }
    if (delay.compareTo(Duration.between(now, LATEST_DUE)) > 0) {
      throw tooLate(name, "in " + delay);
    }
    return schedule(name, now.plus(delay), payload);
  }

  @Override
  public Context<Object> schedule(String name, Instant at, Object payload) {
    Context.checkJobName(name);
    Objects.requireNonNull(at, "at");
    if (at.isAfter(LATEST_DUE)) {
      throw tooLate(name, at.toString());
    }
    session.jobs.schedule(key, name, at, codec.payloadTree("job '" + name + "'", payload));
    return this;
  }

  /** A due time the store can keep is a whole number of epoch milliseconds in a long. */
  private static IllegalArgumentException tooLate(String name, String due) {
    return new IllegalArgumentException("job '" + name + "' would come due at " + due
        + "; it must come due by " + LATEST_DUE);
  }

  @Override
  public Context<Object> cancel(String name) {
    session.jobs.remove(Context.checkJobName(name));
    return this;
  }

  @Override
  public Optional<Instant> scheduled(String name) {
    return session.jobs.get(name).map(ScheduledJob::dueAt);
  }

  @Override
  public SessionRef self() {
    return SessionRef.parse(key);
  }

  @Override
  public Context<Object> signal(SessionRef target, Object payload) {
    Objects.requireNonNull(target, "target");
    if (payload == null) {
      throw new IllegalArgumentException("the payload of a signal to " + target.key()
          + " is null; onSignal handlers are chosen by the payload's type");
    }
    JsonNode tree = codec.payloadTree("a signal to " + target.key(), payload);
    effects.add(new Effect.Signal(Router.stored(target.key(), bot.chatDataType().isPresent()), null, key, payload.getClass().getName(), tree, null));
    return this;
  }

  @Override
  public Optional<SessionRef> signalSender() {
    return signalSender;
  }

  @Override
  public Context<Object> reached(String milestone) {
    Objects.requireNonNull(milestone, "milestone");
    if (!bot.milestones().contains(milestone)) {
      throw new IllegalArgumentException("milestone '" + milestone + "' is not declared; bot '"
          + bot.name() + "' declares " + bot.milestones() + " (Bot.Builder.milestones)");
    }
    events.add(new FlowEvent.MilestoneReached(milestone));
    // A milestone's name cannot be a scene id or "root", so it is its own place in the funnel.
    if (session.campaign != null && session.reached.add(milestone)) {
      events.add(new FlowEvent.StepReached(session.campaign, milestone, FlowEvent.NO_STEP));
    }
    return this;
  }

  @Override
  public Context<Object> then(String name) {
    return then(name, null);
  }

  @Override
  public Context<Object> then(String name, Object payload) {
    Context.checkContinuationName(name);
    if (!bot.takesContinuation(name)) {
      throw new IllegalArgumentException("no onSent or onSendFailed handler of bot '" + bot.name()
          + "' takes the continuation '" + name + "'");
    }
    int last = effects.size() - 1;
    if (last < 0 || !(effects.get(last) instanceof Effect.MessageCall call)) {
      throw new IllegalStateException("then('" + name + "') needs a message call (reply, sendToUser, sendToChat,"
          + " edit) recorded just before it; the last recorded call is "
          + (last < 0 ? "none" : effects.get(last).operation()));
    }
    if (call.then() != null) {
      throw new IllegalStateException("the " + call.operation() + " recorded last has the continuation '"
          + call.then().name() + "' already; then('" + name + "') cannot replace it");
    }
    JsonNode tree = codec.payloadTree("continuation '" + name + "'", payload);
    effects.set(last, call.withThen(new Continuation(name, tree, null, null)));
    return this;
  }

  @Override
  public Optional<io.ttscenes.api.Sent> sent() {
    return continued.flatMap(Continued::sent);
  }

  @Override
  public Optional<io.ttscenes.api.SendFailure> sendFailure() {
    return continued.flatMap(Continued::failure);
  }

  @Override
  public <T> T continuationPayload(Class<T> type) {
    Continued outcome = continued.orElseThrow(() -> new IllegalStateException(
        "continuationPayload() needs a continuation; update " + update.updateType() + " is not one"));
    return codec.payload("continuation '" + outcome.name() + "'", outcome.payload(), type);
  }

  @Override
  public Optional<String> job() {
    return job.map(ScheduledJob::name);
  }

  @Override
  public <T> T jobPayload(Class<T> type) {
    ScheduledJob handled = job.orElseThrow(() -> new IllegalStateException(
        "jobPayload() needs a scheduled job; update " + update.updateType() + " is not one"));
    return codec.payload("job '" + handled.name() + "'", handled.payload(), type);
  }

  private Context<Object> record(Effect effect) {
    // The checks the client runs before sending, run now: a bad value then fails in the handler,
    // where the bot's exception handlers see it, not after the commit where it could only be dropped.
    if (effect instanceof Effect.Send send) {
      RequestChecks.message(send.body());
    } else if (effect instanceof Effect.Edit edit) {
      RequestChecks.messageId(edit.messageId());
      RequestChecks.message(edit.body());
    } else if (effect instanceof Effect.Delete delete) {
      RequestChecks.messageId(delete.messageId());
    } else if (effect instanceof Effect.Action action) {
      RequestChecks.sendable("sender action", action.action() == SenderAction.UNKNOWN);
    } else if (effect instanceof Effect.Answer answer) {
      RequestChecks.callbackAnswer(answer.answer());
    } else if (effect instanceof Effect.Construct construct) {
      RequestChecks.constructorAnswer(construct.answer());
    }
    effects.add(effect);
    return this;
  }

  private Context<Object> request(Transition transition) {
    if (pending != null) {
      throw new IllegalStateException("a handler may request one transition; it requested "
          + transition + " after " + pending);
    }
    pending = transition;
    return this;
  }

  private static MessageTarget preview(MessageTarget target, OutgoingMessage message) {
    return message.disableLinkPreview() ? target.withoutLinkPreview() : target;
  }

  private Scene<?> currentScene(String what) {
    if (session.scene == null) {
      throw new IllegalStateException(what + " needs a current scene; session " + key + " is at the root");
    }
    return session.scene;
  }

  private Scene<?> wizard(String what) {
    Scene<?> scene = currentScene(what);
    if (scene.steps().isEmpty()) {
      throw new IllegalStateException(what + " needs a wizard scene; scene '" + scene.id() + "' has no steps");
    }
    return scene;
  }

  private Scene<?> knownScene(String sceneId) {
    return bot.scene(sceneId).orElseThrow(() -> new IllegalArgumentException(
        "scene '" + sceneId + "' is not part of bot '" + bot.name() + "'"));
  }

  private Class<?> sessionType() {
    return bot.sessionDataType().orElseThrow(() -> new IllegalStateException("bot '" + bot.name()
        + "' declares no session data; add Bot.Builder.sessionData(type, initial)"));
  }

  private static Object checkType(String what, Object value, Class<?> type) {
    Objects.requireNonNull(value, what);
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(what + " must be a " + type.getName() + ", not a "
          + value.getClass().getName());
    }
    return value;
  }
}
