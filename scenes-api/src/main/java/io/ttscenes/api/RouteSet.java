package io.ttscenes.api;

import static io.ttscenes.api.Conditions.command;
import static io.ttscenes.api.Conditions.commandName;
import static io.ttscenes.api.Conditions.fullMatch;
import static io.ttscenes.api.Conditions.plain;
import static io.ttscenes.api.Conditions.typedText;

import io.ttscenes.api.model.Attachment;
import io.ttscenes.api.model.BotAddedToChatUpdate;
import io.ttscenes.api.model.BotRemovedFromChatUpdate;
import io.ttscenes.api.model.BotStartedUpdate;
import io.ttscenes.api.model.ChatTitleChangedUpdate;
import io.ttscenes.api.model.ContactAttachment;
import io.ttscenes.api.model.LocationAttachment;
import io.ttscenes.api.model.MessageCallbackUpdate;
import io.ttscenes.api.model.MessageChatCreatedUpdate;
import io.ttscenes.api.model.MessageConstructedUpdate;
import io.ttscenes.api.model.MessageConstructionRequest;
import io.ttscenes.api.model.MessageCreatedUpdate;
import io.ttscenes.api.model.MessageEditedUpdate;
import io.ttscenes.api.model.MessageRemovedUpdate;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.model.UserAddedToChatUpdate;
import io.ttscenes.api.model.UserRemovedFromChatUpdate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The handler declarations shared by scenes, wizard steps and the bot's global and root sets.
 * Routes are tried in declaration order and the first match wins; text and regex routes match
 * messages typed by the user (new messages only, not edits), callback routes match button presses
 * of messages and of constructor keyboards. Not thread-safe: configure it on one thread.
 *
 * @param <D> the scene data type the handlers see
 * @param <B> the concrete builder type, returned for chaining
 */
public abstract class RouteSet<D, B extends RouteSet<D, B>> {
  private List<Route<D>> routes = new ArrayList<>();
  private Handler<D> fallback;
  private final Map<String, Handler<D>> scheduled = new LinkedHashMap<>();
  private final Map<String, SignalRoute<D>> signals = new LinkedHashMap<>();
  private boolean frozen;
  private final Set<Class<?>> callbackTypes = new LinkedHashSet<>();
  private final Set<Class<?>> startTypes = new LinkedHashSet<>();

  RouteSet() {}

  /** Returns {@code this} as the concrete builder type. */
  abstract B self();

  /** Runs {@code handler} for {@code /name} (case-insensitive, optional {@code @botname}, args). */
  public B onCommand(String name, Handler<D> handler) {
    String wanted = commandName(name);
    return add("command /" + wanted, (update, bot) -> command(update, bot)
        .filter(command -> command.name().equals(wanted))
        .flatMap(command -> RouteMatch.ofArgs(command.args())), handler);
  }

  /** Runs {@code handler} for any command addressed to this bot. */
  public B onAnyCommand(Handler<D> handler) {
    return add("any command", (update, bot) -> command(update, bot)
        .flatMap(command -> RouteMatch.ofArgs(command.args())), handler);
  }

  /** Runs {@code handler} when a button with exactly {@code payload} is pressed. */
  public B onCallback(String payload, Handler<D> handler) {
    Objects.requireNonNull(payload, "payload");
    return add("callback '" + payload + "'", (update, bot) -> plain(
        Updates.callbackPayload(update).filter(payload::equals).isPresent()), handler);
  }

  /**
   * Runs {@code handler} with the decoded value when a typed button made by
   * {@link Context#button(String, Object)} with a {@code type} value is pressed on the current
   * screen; stale or undecodable ones go to the bot's {@link StaleHandler} instead.
   */
  public <T> B onCallback(Class<T> type, TypedHandler<D, T> handler) {
    PayloadTag tag = PayloadTag.of(type);
    Objects.requireNonNull(handler, "handler");
    checkNotFrozen();
    callbackTypes.add(type);
    return add("callback " + tag.prefix(), (update, bot) -> plain(
        Updates.callbackPayload(update).filter(tag::marks).isPresent()),
        ctx -> handler.handle(ctx, ctx.payload(type)));
  }

  /**
   * Runs {@code handler} with the decoded value when the user starts the bot through a typed link
   * made by {@link Context#startLink(Object)} with a {@code type} value (signature checked when the
   * bot signs its links); invalid ones go to the bot's {@link StaleHandler} instead.
   */
  public <T> B onStart(Class<T> type, TypedHandler<D, T> handler) {
    PayloadTag tag = PayloadTag.of(type);
    Objects.requireNonNull(handler, "handler");
    checkNotFrozen();
    startTypes.add(type);
    return add("start link " + tag.prefix(), (update, bot) -> plain(update instanceof BotStartedUpdate
        && Updates.startPayload(update).filter(tag::marks).isPresent()),
        ctx -> handler.handle(ctx, ctx.payload(type)));
  }

  /**
   * Runs {@code handler} with the rest of the payload (after {@code prefix}, possibly {@code ""})
   * when a button whose payload starts with {@code prefix} is pressed.
   */
  public B onCallbackPrefix(String prefix, TypedHandler<D, String> handler) {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(handler, "handler");
    return add("callback prefix '" + prefix + "'", (update, bot) -> plain(
        Updates.callbackPayload(update).filter(p -> p.startsWith(prefix)).isPresent()),
        ctx -> handler.handle(ctx, ctx.payload().substring(prefix.length())));
  }

  /** Runs {@code handler} when a button whose whole payload matches {@code regex} is pressed. */
  public B onCallbackRegex(String regex, Handler<D> handler) {
    Pattern pattern = Pattern.compile(regex);
    return add("callback regex /" + regex + "/",
        (update, bot) -> fullMatch(pattern, Updates.callbackPayload(update)), handler);
  }

  /** Runs {@code handler} for any button press (message or constructor keyboard). */
  public B onAnyCallback(Handler<D> handler) {
    return add("any callback",
        (update, bot) -> plain(Updates.callbackPayload(update).isPresent()), handler);
  }

  /**
   * Runs {@code handler} for any new message with non-empty text that is not a command to this
   * bot, so a step's text handler never swallows {@code /back} or {@code /cancel}.
   */
  public B onText(Handler<D> handler) {
    return onText(text -> true, handler);
  }

  /** Runs {@code handler} for new non-command messages whose non-empty text passes {@code predicate}. */
  public B onText(Predicate<String> predicate, Handler<D> handler) {
    Objects.requireNonNull(predicate, "predicate");
    return add("text", (update, bot) -> plain(command(update, bot).isEmpty()
        && typedText(update).filter(text -> !text.isEmpty()).filter(predicate).isPresent()), handler);
  }

  /** Runs {@code handler} for new messages whose whole text (commands included) matches {@code regex}. */
  public B onTextRegex(String regex, Handler<D> handler) {
    Pattern pattern = Pattern.compile(regex);
    return add("text regex /" + regex + "/",
        (update, bot) -> fullMatch(pattern, typedText(update)), handler);
  }

  /** Runs {@code handler} for new messages carrying an attachment of {@code type}. */
  public B onAttachment(Class<? extends Attachment> type, Handler<D> handler) {
    Objects.requireNonNull(type, "type");
    return add("attachment " + type.getSimpleName(), (update, bot) -> plain(
        update instanceof MessageCreatedUpdate
            && Updates.attachments(update).stream().anyMatch(type::isInstance)), handler);
  }

  /** Runs {@code handler} for new messages sharing a contact. */
  public B onContact(Handler<D> handler) {
    return onAttachment(ContactAttachment.class, handler);
  }

  /** Runs {@code handler} for new messages sharing a location. */
  public B onLocation(Handler<D> handler) {
    return onAttachment(LocationAttachment.class, handler);
  }

  /** Runs {@code handler} when the user presses Start, with or without a deep-link payload. */
  public B onBotStarted(Handler<D> handler) {
    return onUpdate(BotStartedUpdate.class, handler);
  }

  /** Runs {@code handler} when the user starts the bot through a deep link with {@code payload}. */
  public B onBotStarted(String payload, Handler<D> handler) {
    Objects.requireNonNull(payload, "payload");
    return add("bot_started '" + payload + "'", (update, bot) -> plain(update instanceof BotStartedUpdate
        && Updates.startPayload(update).filter(payload::equals).isPresent()), handler);
  }

  /**
   * Runs {@code handler} with the rest of the deep-link payload (after {@code prefix}) when the
   * payload starts with {@code prefix}.
   */
  public B onBotStartedPrefix(String prefix, TypedHandler<D, String> handler) {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(handler, "handler");
    return add("bot_started prefix '" + prefix + "'", (update, bot) -> plain(
        update instanceof BotStartedUpdate
            && Updates.startPayload(update).filter(p -> p.startsWith(prefix)).isPresent()),
        ctx -> handler.handle(ctx, ctx.startPayload().substring(prefix.length())));
  }

  /** Runs {@code handler} when the whole deep-link payload matches {@code regex}. */
  public B onBotStartedRegex(String regex, Handler<D> handler) {
    Pattern pattern = Pattern.compile(regex);
    return add("bot_started regex /" + regex + "/", (update, bot) -> update instanceof BotStartedUpdate
        ? fullMatch(pattern, Updates.startPayload(update)) : Optional.empty(), handler);
  }

  /** Runs {@code handler} when a message is edited. */
  public B onMessageEdited(Handler<D> handler) {
    return onUpdate(MessageEditedUpdate.class, handler);
  }

  /** Runs {@code handler} when a message is removed. */
  public B onMessageRemoved(Handler<D> handler) {
    return onUpdate(MessageRemovedUpdate.class, handler);
  }

  /** Runs {@code handler} when the bot is added to a chat. */
  public B onBotAdded(Handler<D> handler) {
    return onUpdate(BotAddedToChatUpdate.class, handler);
  }

  /** Runs {@code handler} when the bot is removed from a chat. */
  public B onBotRemoved(Handler<D> handler) {
    return onUpdate(BotRemovedFromChatUpdate.class, handler);
  }

  /** Runs {@code handler} when a user is added to a chat. */
  public B onUserAdded(Handler<D> handler) {
    return onUpdate(UserAddedToChatUpdate.class, handler);
  }

  /** Runs {@code handler} when a user is removed from (or leaves) a chat. */
  public B onUserRemoved(Handler<D> handler) {
    return onUpdate(UserRemovedFromChatUpdate.class, handler);
  }

  /** Runs {@code handler} when a chat's title changes. */
  public B onChatTitleChanged(Handler<D> handler) {
    return onUpdate(ChatTitleChangedUpdate.class, handler);
  }

  /** Runs {@code handler} when a chat is created through one of the bot's chat buttons. */
  public B onChatCreated(Handler<D> handler) {
    return onUpdate(MessageChatCreatedUpdate.class, handler);
  }

  /** Runs {@code handler} for every input of a constructor session (text or button). */
  public B onConstructionRequest(Handler<D> handler) {
    return onUpdate(MessageConstructionRequest.class, handler);
  }

  /**
   * Runs {@code handler} for every input of a constructor session with what the user typed or
   * pressed, read for it ({@link ConstructorInput}); answer with {@code ctx.construct(Construction...)}.
   */
  public B onConstruction(TypedHandler<D, ConstructorInput> handler) {
    Objects.requireNonNull(handler, "handler");
    return onUpdate(MessageConstructionRequest.class,
        ctx -> handler.handle(ctx, ConstructorInput.of((MessageConstructionRequest) ctx.update())));
  }

  /** Runs {@code handler} when a constructed message was posted. */
  public B onConstructed(Handler<D> handler) {
    return onUpdate(MessageConstructedUpdate.class, handler);
  }

  /** Runs {@code handler} for a new message of any kind (text, attachments, forwards...). */
  public B onMessage(Handler<D> handler) {
    return onUpdate(MessageCreatedUpdate.class, handler);
  }

  /** Runs {@code handler} for a button press of a message (not of a constructor keyboard). */
  public B onMessageCallback(Handler<D> handler) {
    return onUpdate(MessageCallbackUpdate.class, handler);
  }

  /** Runs {@code handler} for updates whose {@code update_type} is {@code type}, known or not. */
  public B onUpdateType(String type, Handler<D> handler) {
    Objects.requireNonNull(type, "type");
    return add("update_type " + type,
        (update, bot) -> plain(type.equals(update.updateType())), handler);
  }

  /** Runs {@code handler} for updates of one model type. */
  public B onUpdate(Class<? extends Update> type, Handler<D> handler) {
    Objects.requireNonNull(type, "type");
    return add(type.getSimpleName(), (update, bot) -> plain(type.isInstance(update)), handler);
  }

  /** Runs {@code handler} for updates that pass {@code predicate}. */
  public B on(Predicate<Update> predicate, Handler<D> handler) {
    Objects.requireNonNull(predicate, "predicate");
    return add("predicate", (update, bot) -> plain(predicate.test(update)), handler);
  }

  /**
   * Runs {@code handler} when the session's job {@code name} comes due (see
   * {@link Context#schedule(String, java.time.Duration, Object)}); its payload is
   * {@link Context#jobPayload(Class)}. A job no set of the current scene, the root or the global
   * handlers takes is logged, counted as unmatched and dropped; fallbacks never see jobs.
   */
  public B onScheduled(String name, Handler<D> handler) {
    checkNotFrozen();
    Context.checkJobName(name);
    scheduled.put(name, Objects.requireNonNull(handler, "handler"));
    return self();
  }

  /**
   * Runs {@code handler} when another session signals this one with a payload of exactly
   * {@code type} (see {@link Context#signal}); a later registration for the same type replaces
   * it. A signal no set of the current step, scene (the root outside scenes) or the global
   * handlers takes is logged, counted as unmatched and dropped; fallbacks never see signals.
   */
  public <T> B onSignal(Class<T> type, SignalHandler<D, ? super T> handler) {
    checkNotFrozen();
    Objects.requireNonNull(type, "type");
    signals.put(type.getName(), new SignalRoute<>(type, Objects.requireNonNull(handler, "handler")));
    return self();
  }

  /**
   * Runs {@code handler} once TamTam accepted a message call recorded with the continuation
   * {@code name} (see {@link Context#then(String, Object)}). Looked up as scheduled jobs are: the
   * current step's, the scene's (the root's outside scenes), then the global set; a continuation
   * none takes is logged, counted as unmatched and dropped. Register it on the bot's global set
   * when it must run wherever the session has moved on to.
   */
  public B onSent(String name, SentHandler<D> handler) {
    Objects.requireNonNull(handler, "handler");
    return onScheduledKey(Continuations.sentKey(name), ctx -> handler.handle(ctx, ctx.sent().orElseThrow()));
  }

  /**
   * Runs {@code handler} when TamTam refused for good a message call recorded with the continuation
   * {@code name}; looked up as {@link #onSent} is.
   */
  public B onSendFailed(String name, SendFailedHandler<D> handler) {
    Objects.requireNonNull(handler, "handler");
    return onScheduledKey(Continuations.failedKey(name),
        ctx -> handler.handle(ctx, ctx.sendFailure().orElseThrow()));
  }

  // Continuations share the scheduled jobs' lookup under reserved names no job can have.
  private B onScheduledKey(String key, Handler<D> handler) {
    checkNotFrozen();
    scheduled.put(key, handler);
    return self();
  }

  /** Sets the handler for updates no route of this set takes; replaces an earlier fallback. */
  public B fallback(Handler<D> handler) {
    checkNotFrozen();
    this.fallback = Objects.requireNonNull(handler, "handler");
    return self();
  }

  /** Fixes the routes once the owning scene or bot is built; later additions fail. */
  void freeze() {
    if (!frozen) {
      routes = List.copyOf(routes);
      frozen = true;
    }
  }

  /** Returns the routes declared so far, in the order they are tried (for docs, graphs and logs). */
  public List<Route<D>> routes() {
    return frozen ? routes : List.copyOf(routes);
  }

  Set<Class<?>> callbackTypes() {
    return Set.copyOf(callbackTypes);
  }

  Set<Class<?>> startTypes() {
    return Set.copyOf(startTypes);
  }

  Optional<Handler<D>> scheduledHandler(String name) {
    return Optional.ofNullable(scheduled.get(name));
  }

  Optional<SignalRoute<D>> signalRoute(String typeName) {
    return Optional.ofNullable(signals.get(typeName));
  }

  Map<String, SignalRoute<D>> signalRoutes() {
    return Map.copyOf(signals);
  }

  Map<String, Handler<D>> scheduledHandlers() {
    return Map.copyOf(scheduled);
  }

  /** The continuation names this set's {@code onSent}/{@code onSendFailed} handlers take. */
  Set<String> continuationNames() {
    return Continuations.names(scheduled.keySet());
  }

  /** Returns the fallback handler, run when no route matches, if one was set. */
  public Optional<Handler<D>> fallbackHandler() {
    return Optional.ofNullable(fallback);
  }

  boolean isEmpty() {
    return routes.isEmpty() && fallback == null && scheduled.isEmpty() && signals.isEmpty();
  }

  private void checkNotFrozen() {
    if (frozen) {
      throw new IllegalStateException("handlers cannot be added after their scene or bot was built");
    }
  }

  B add(String description, Route.Condition condition, Handler<D> handler) {
    checkNotFrozen();
    routes.add(new Route<>(description, condition, Objects.requireNonNull(handler, "handler")));
    return self();
  }
}
