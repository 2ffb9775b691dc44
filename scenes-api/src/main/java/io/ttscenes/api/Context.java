package io.ttscenes.api;

import io.ttscenes.api.client.BotReads;
import io.ttscenes.api.keyboard.Keyboard;
import io.ttscenes.api.model.CallbackButton;
import io.ttscenes.api.model.ChatType;
import io.ttscenes.api.model.Intent;
import io.ttscenes.api.model.ConstructorAnswer;
import io.ttscenes.api.model.SenderAction;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.model.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.MatchResult;

/**
 * One update of one session as a handler sees it: what arrived, the session's data, and a record
 * of what to do. Write calls ({@code reply}, {@code answer}, {@code edit}...) are <em>recorded</em>
 * and sent, in order, only after the new session state was committed; transitions are applied
 * after the handler returns. A context belongs to one lane thread and is not thread-safe.
 *
 * @param <D> the data type of the current scene
 */
public interface Context<D> {

  /** How many jobs one session may have scheduled at once (a scene's own timeout not counted). */
  int MAX_SCHEDULED_JOBS = 32;

  /** The longest job name, in characters. */
  int MAX_JOB_NAME_LENGTH = 64;

  /** Returns the update being handled (a synthetic one for timeouts: see {@link #isTimeout()}). */
  Update update();

  /** Returns whether this context runs a scene's timeout handler rather than a real update. */
  boolean isTimeout();

  /** Returns the key of the session, as chosen by the bot's {@link SessionKeyStrategy}. */
  String sessionKey();

  /** Returns the user who caused the update, when the update names one. */
  Optional<User> user();

  /** Returns the id of the user who caused the update, when there is one. */
  Optional<Long> userId();

  /** Returns the chat of the update, when it has one. */
  Optional<Long> chatId();

  /**
   * Returns the type of the update's chat (a dialog with the user, a group chat, a channel) when
   * the update tells it: a message's or pressed button's recipient, or {@code bot_started} (always
   * a dialog). Empty for updates without one (a signal, a scheduled job, a member joining).
   */
  Optional<ChatType> chatType();

  /**
   * Returns whether the update comes from a dialog with the user, not a group chat or a channel:
   * what a bot checks before answering free text it would not want to answer in a group.
   */
  default boolean isDialog() {
    return chatType().filter(ChatType.DIALOG::equals).isPresent();
  }

  /**
   * Returns the user's locale: the one chosen with {@link #setLocale}, else the last one the
   * user's updates reported ({@code user_locale}, kept in the session when the bot has messages),
   * else the update's own; empty when none is known.
   */
  Optional<Locale> locale();

  /** Sets the user's locale for this session, overriding what their client reports from now on. */
  Context<D> setLocale(Locale locale);

  /**
   * Formats message {@code key} of the bot's {@link Bot.Builder#messages} in the user's locale
   * (the closest declared one, else the fallback) with positional {@code args}. Throws
   * {@link IllegalStateException} when the bot has no messages, {@link IllegalArgumentException}
   * for an unknown key.
   */
  String t(String key, Object... args);

  /**
   * Formats message {@code key} in {@code locale} (the closest declared one, else the fallback):
   * for a text meant for someone other than this session's user, such as an operator whose
   * language a signal carries. Throws as {@link #t(String, Object...)} does.
   */
  String t(Locale locale, String key, Object... args);

  /**
   * Returns the Bot API's reads a handler needs at once (get chat, members). They happen
   * immediately, even if the commit later conflicts and the handler is re-run (or it ran on a
   * session guessed new that turned out to exist); writes are recorded
   * with the methods below, which send them once, after the commit.
   */
  BotReads api();

  /** Returns the time of the runtime's clock when handling started. */
  Instant now();

  /** Returns the text the user typed, or {@code ""} (see {@link Updates#text}). */
  String text();

  /** Returns the arguments after a matched command, or {@code ""}. */
  String args();

  /** Returns the match of the route's regex, for regex routes. */
  Optional<MatchResult> regex();

  /** Returns the pressed button's payload (message or constructor), or {@code ""}. */
  String payload();

  /** Returns the deep-link payload of {@code bot_started} (or a chat button's), or {@code ""}. */
  String startPayload();

  /**
   * Returns the decoded value of the pressed typed button or typed start link as {@code type}.
   * Throws {@link IllegalStateException} when the update carries no typed value of that type.
   */
  <T> T payload(Class<T> type);

  /**
   * Returns a button carrying {@code data} (a record, see {@link PayloadType}) for
   * {@link RouteSet#onCallback(Class, TypedHandler)}. It belongs to the current screen: after a
   * transition or {@link #expireButtons()} it is stale and goes to the bot's {@link StaleHandler}.
   * Data too large for the 1024-character payload is kept in the session behind a short id.
   */
  CallbackButton button(String text, Object data);

  /** As {@link #button(String, Object)}, drawn with {@code intent}. */
  CallbackButton button(String text, Object data, Intent intent);

  /**
   * Returns the deep link {@code https://tt.me/<bot>/start/<payload>} carrying {@code data} (a
   * record) for {@link RouteSet#onStart}, signed when the bot signs its links. Throws
   * {@link IllegalArgumentException} when the payload would exceed the 128 characters a deep link
   * carries, and {@link IllegalStateException} when the bot's username is unknown.
   */
  String startLink(Object data);

  /** Makes every typed button made so far in this session stale (e.g. when a new poll starts). */
  Context<D> expireButtons();

  /** Returns how many answers to the current step were recorded as failed since it was entered. */
  int failedAttempts();

  /** Records one failed answer to the current step (reset when the scene or step changes). */
  Context<D> failedAttempt();

  /** Returns the current scene's id; empty at the root, outside every scene. */
  Optional<String> sceneId();

  /** Returns the current wizard step's name; empty outside wizard scenes. */
  Optional<String> step();

  /**
   * Returns the current scene's data. Throws {@link IllegalStateException} at the root, where
   * there is no scene and therefore no scene data.
   */
  D data();

  /** Replaces the current scene's data; throws {@link IllegalStateException} at the root. */
  Context<D> setData(D data);

  /**
   * Returns the session-wide data declared with {@link Bot.Builder#sessionData}; throws
   * {@link IllegalArgumentException} when {@code type} is not that declared type.
   */
  <S> S session(Class<S> type);

  /** Replaces the session-wide data; it must be of the declared session data type. */
  Context<D> setSession(Object session);

  /**
   * Returns the data shared by the members of this update's group chat, declared with
   * {@link Bot.Builder#chatData} (fresh when the chat has none yet). Read from the store on the
   * first call of a run, so a handler that never asks costs nothing. Only reading it adds no
   * check to the commit: to act on it only while nobody changed it, write it back with
   * {@link #setChatData}, even unchanged.
   *
   * @throws IllegalStateException in a private dialog or an update without a chat, or when the
   *     bot declares no chat data
   * @throws IllegalArgumentException when {@code type} is not the declared type
   */
  <C> C chatData(Class<C> type);

  /**
   * Replaces the chat's shared data. It is committed with this session in one atomic step; when
   * another member changed it since this run read it, nothing of this run is kept and the
   * handler runs again on the newer data.
   *
   * @throws IllegalStateException as {@link #chatData}
   * @throws IllegalArgumentException when {@code chatData} is not of the declared type
   */
  Context<D> setChatData(Object chatData);

  /** Records a text message to the user or chat of this update. */
  Context<D> reply(String text);

  /** Records a text message with an inline keyboard to the user or chat of this update. */
  Context<D> reply(String text, Keyboard keyboard);

  /** Records a message to the user or chat of this update. */
  Context<D> reply(OutgoingMessage message);

  /** Records a message to the dialog with user {@code userId}. */
  Context<D> sendToUser(long userId, OutgoingMessage message);

  /** Records a message to chat {@code chatId}. */
  Context<D> sendToChat(long chatId, OutgoingMessage message);

  /** Records an edit of message {@code messageId} to the new content. */
  Context<D> edit(String messageId, OutgoingMessage message);

  /** Records the removal of message {@code messageId}. */
  Context<D> delete(String messageId);

  /**
   * Records an answer to the pressed button showing {@code notification} to the user. Throws
   * {@link IllegalStateException} when the update is not a message callback.
   */
  Context<D> answer(String notification);

  /**
   * Records an answer to the pressed button that replaces its message with {@code message} (the
   * same message type as {@link #reply(OutgoingMessage)}). Throws {@link IllegalStateException}
   * when the update is not a message callback.
   */
  Context<D> answer(OutgoingMessage message);

  /** Records an answer showing {@code notification} and replacing the pressed message with {@code message}. */
  Context<D> answer(String notification, OutgoingMessage message);

  /** Records a chat action ({@code typing_on}...) in the chat of this update. */
  Context<D> action(SenderAction action);

  /**
   * Records the answer to this constructor session's request. Throws
   * {@link IllegalStateException} for other updates.
   */
  Context<D> construct(ConstructorAnswer answer);

  /** Records the answer to this constructor session's request, built with {@link Construction}. */
  Context<D> construct(Construction answer);

  /**
   * Requests entering scene {@code sceneId} with its initial data; the current scene is left and
   * pushed on the history. At most one transition per handler ({@link IllegalStateException}).
   */
  Context<D> enter(String sceneId);

  /** Requests entering {@code scene} with {@code data}, its data type checked by the compiler. */
  <T> Context<D> enter(Scene<T> scene, T data);

  /** As {@link #call(String, Object)} with the input's type checked by the compiler. */
  <T> Context<D> call(Scene<T> scene, T input);

  /** Requests entering scene {@code sceneId} with {@code data} (of that scene's data type). */
  Context<D> enter(String sceneId, Object data);

  /**
   * Requests calling scene {@code sceneId} as a sub-dialog with {@code input} as its data: the
   * current scene and step are kept on the session's dialog stack (at most 8 deep) and resumed when
   * the sub-dialog finishes, with its result handed to this scene's
   * {@link Scene.Builder#onResult} handler. Throws {@link IllegalStateException} at the root or
   * when the stack is full.
   */
  Context<D> call(String sceneId, Object input);

  /**
   * Requests finishing the current sub-dialog with {@code result}: back to the caller, whose result
   * handler gets it. Throws {@link IllegalStateException} when no sub-dialog is running.
   */
  Context<D> finish(Object result);

  /**
   * Requests cancelling the current sub-dialog: its caller gets {@link DialogResult.Cancelled}.
   * {@link #leave()} in a sub-dialog does the same. Throws {@link IllegalStateException} when none runs.
   */
  Context<D> cancelDialog();

  /**
   * Requests leaving the current scene for the root; the history is cleared. In a sub-dialog it
   * returns to the caller with {@link DialogResult.Cancelled} instead (see {@link #cancelDialog()}).
   */
  Context<D> leave();

  /** Requests leaving and entering the current scene again (data kept, first step, new timeout). */
  Context<D> reenter();

  /**
   * Requests going back: in a wizard past its first step, to the previous step; otherwise to the
   * previous scene of the history with the data it had, or to the root when the history is empty.
   */
  Context<D> back();

  /** Requests the next wizard step; after the last step the scene is left. */
  Context<D> next();

  /** Requests the wizard step named {@code step} of the current scene. */
  Context<D> goTo(String step);

  /**
   * Records the job {@code name} to come due {@code delay} from now, replacing a job of the same
   * name; it is stored with this update's commit and, once due, runs the session's
   * {@code onScheduled(name)} handler on its lane, on some instance, once. {@code payload} (may
   * be null) is stored as JSON now. Throws {@link IllegalArgumentException} for a bad name, a
   * negative delay or a payload Jackson cannot write, and {@link IllegalStateException} when the
   * session has {@link #MAX_SCHEDULED_JOBS} other jobs already.
   */
  Context<D> schedule(String name, Duration delay, Object payload);

  /**
   * As {@link #schedule(String, Duration, Object)}, due at {@code at}; a time already past comes
   * due at once (the next poll of due jobs). A time after epoch millisecond {@code Long.MAX_VALUE}
   * (which is how it is stored) throws {@link IllegalArgumentException}.
   */
  Context<D> schedule(String name, Instant at, Object payload);

  /** Records the removal of the scheduled job {@code name}, if the session has one. */
  Context<D> cancel(String name);

  /** Returns the due time of the session's job {@code name}, as recorded so far in this run. */
  Optional<Instant> scheduled(String name);

  /** Returns the name of the scheduled job being handled; empty for other updates. */
  Optional<String> job();

  /**
   * Returns the payload of the scheduled job being handled as {@code type} (null when it was
   * scheduled with none). Throws {@link IllegalStateException} outside a job and
   * {@link IllegalArgumentException} when the stored payload does not fit {@code type}.
   */
  <T> T jobPayload(Class<T> type);

  /** Returns the reference of this session (its key read back: see {@link SessionRef#parse}). */
  SessionRef self();

  /**
   * Records a signal to the session {@code target} (a user, a chat, a named session such as
   * {@code ticket:42}, which the signal creates when it does not exist): after this update's
   * commit it is delivered to the target's lane, on some instance, and runs the target's
   * {@code onSignal(payload's class)} handler once in effect. {@code payload} is written as JSON
   * now; throws {@link IllegalArgumentException} when Jackson cannot write it (or it is null).
   */
  Context<D> signal(SessionRef target, Object payload);

  /** Returns the session that sent the signal being handled; empty for other updates. */
  Optional<SessionRef> signalSender();

  /**
   * Records that this session reached {@code milestone}, an outcome the bot declared with
   * {@link Bot.Builder#milestones} (an answer found, a ticket answered): counted in metrics once per
   * committed update, and in the funnel of the user's deep-link campaign the first time. Throws
   * {@link IllegalArgumentException} for a milestone the bot does not declare.
   */
  Context<D> reached(String milestone);

  /**
   * As {@link #then(String, Object)} with no payload.
   */
  Context<D> then(String name);

  /**
   * Attaches the continuation {@code name} to the message call recorded last ({@code reply},
   * {@code sendToUser}, {@code sendToChat} or {@code edit}; a forward is a send). After this
   * update's commit, once TamTam accepted that call, the session's {@code onSent(name)} handler
   * runs on its lane with what TamTam returned ({@link Sent}); when TamTam refuses it for good
   * (403 {@code chat.denied}, 404...), {@code onSendFailed(name)} runs instead. The continuation is
   * stored by name with {@code payload} (may be null) as JSON, so it runs once per accepted call,
   * also after a crash and on another instance. Its handler is looked up where the session is
   * when it runs (step, scene or root, then global): one the session's place no longer has is
   * logged and counted as unmatched. Throws {@link IllegalStateException} when the last recorded
   * call is no message call or has a continuation already, and {@link IllegalArgumentException}
   * for a bad name, a name no {@code onSent}/{@code onSendFailed} handler of the bot takes, or a
   * payload Jackson cannot write.
   */
  Context<D> then(String name, Object payload);

  /** Returns what TamTam answered to the call whose {@code onSent} handler runs; empty otherwise. */
  Optional<Sent> sent();

  /** Returns TamTam's refusal whose {@code onSendFailed} handler runs; empty otherwise. */
  Optional<SendFailure> sendFailure();

  /**
   * Returns the payload given to {@link #then(String, Object)} as {@code type} (null when there
   * was none). Throws {@link IllegalStateException} outside a continuation and
   * {@link IllegalArgumentException} when the stored payload does not fit {@code type}.
   */
  <T> T continuationPayload(Class<T> type);

  /**
   * Checks a continuation name: 1 to {@link #MAX_JOB_NAME_LENGTH} characters, not blank, not
   * starting with the {@code ttscenes.} prefix the runtime keeps for itself. Throws
   * {@link IllegalArgumentException} naming the bad value.
   */
  static String checkContinuationName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.length() > MAX_JOB_NAME_LENGTH || name.startsWith("ttscenes.")) {
      throw new IllegalArgumentException("continuation name '" + name + "' is not allowed: it must be 1-"
          + MAX_JOB_NAME_LENGTH + " characters, not blank, and not start with 'ttscenes.'");
    }
    return name;
  }

  /**
   * Checks a job name: 1 to {@link #MAX_JOB_NAME_LENGTH} characters, not blank, not starting
   * with the {@code ttscenes.} prefix the runtime keeps for itself. Throws
   * {@link IllegalArgumentException} naming the bad value.
   */
  static String checkJobName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.length() > MAX_JOB_NAME_LENGTH || name.startsWith("ttscenes.")) {
      throw new IllegalArgumentException("job name '" + name + "' is not allowed: it must be 1-"
          + MAX_JOB_NAME_LENGTH + " characters, not blank, and not start with 'ttscenes.'");
    }
    return name;
  }
}
