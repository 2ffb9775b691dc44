package io.ttscenes.runtime.engine;

import io.ttscenes.api.client.ApiRejectedException;
import io.ttscenes.api.client.ApiUnavailableException;
import io.ttscenes.api.client.BotApi;
import io.ttscenes.api.client.MembersQuery;
import io.ttscenes.api.client.MessageTarget;
import io.ttscenes.api.client.MessagesQuery;
import io.ttscenes.api.client.UpdatesRequest;
import io.ttscenes.api.model.BotInfo;
import io.ttscenes.api.model.BotPatch;
import io.ttscenes.api.model.CallbackAnswer;
import io.ttscenes.api.model.Chat;
import io.ttscenes.api.model.ChatList;
import io.ttscenes.api.model.ChatMember;
import io.ttscenes.api.model.ChatMembersList;
import io.ttscenes.api.model.ChatPatch;
import io.ttscenes.api.model.ChatStatus;
import io.ttscenes.api.model.ChatType;
import io.ttscenes.api.model.ConstructorAnswer;
import io.ttscenes.api.model.GetPinnedMessageResult;
import io.ttscenes.api.model.GetSubscriptionsResult;
import io.ttscenes.api.model.Message;
import io.ttscenes.api.model.MessageBody;
import io.ttscenes.api.model.MessageList;
import io.ttscenes.api.model.NewMessageBody;
import io.ttscenes.api.model.PinMessageBody;
import io.ttscenes.api.model.Recipient;
import io.ttscenes.api.model.SendMessageResult;
import io.ttscenes.api.model.SenderAction;
import io.ttscenes.api.model.SimpleQueryResult;
import io.ttscenes.api.model.SubscriptionRequestBody;
import io.ttscenes.api.model.UpdateList;
import io.ttscenes.api.model.UploadEndpoint;
import io.ttscenes.api.model.UploadType;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Bot API fake that records every write call it accepts and can be told to fail the next calls
 * of an operation, as retryable (503) or rejected (400). Reads answer {@code getChat} with a
 * canned chat; other reads are not used by the engine tests and fail loudly. Thread-safe.
 */
final class RecordingBotApi implements BotApi {

  /** One accepted call: operation, where it went (chat:1, user:2, a message or callback id) and its text. */
  record Call(String operation, String target, String text, Object detail, boolean previewDisabled) {
    Call(String operation, String target, String text, Object detail) {
      this(operation, target, text, detail, false);
    }

    @Override
    public String toString() {
      return operation + " " + target + " " + text;
    }
  }

  private final List<Call> calls = new ArrayList<>();
  private final Map<String, Deque<String>> failures = new HashMap<>();
  private int attempts;
  private volatile Runnable afterCall = () -> {};

  /** Runs {@code action} after every accepted call (e.g. to break the store right after a send). */
  RecordingBotApi afterEachCall(Runnable action) {
    this.afterCall = action;
    return this;
  }

  /** The next {@code times} calls of {@code operation} fail as retryable (HTTP 503). */
  synchronized RecordingBotApi failUnavailable(String operation, int times) {
    for (int i = 0; i < times; i++) {
      failures.computeIfAbsent(operation, k -> new ArrayDeque<>()).add("unavailable");
    }
    return this;
  }

  /**
   * Scripts the next calls of {@code operation}: each outcome is {@code ok}, {@code unavailable}
   * (HTTP 503, retryable) or {@code rejected} (HTTP 400).
   */
  synchronized RecordingBotApi script(String operation, String... outcomes) {
    failures.computeIfAbsent(operation, k -> new ArrayDeque<>()).addAll(List.of(outcomes));
    return this;
  }

  /** Waits (event-driven, with a safety timeout) until {@code count} messages were sent. */
  synchronized List<String> awaitTexts(int count) throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (sentTexts().size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("expected " + count + " sent messages, got " + sentTexts());
      }
      wait(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(left) + 1);
    }
    return sentTexts();
  }

  /** The next {@code times} calls of {@code operation} are rejected (HTTP 400). */
  synchronized RecordingBotApi failRejected(String operation, int times) {
    for (int i = 0; i < times; i++) {
      failures.computeIfAbsent(operation, k -> new ArrayDeque<>()).add("rejected");
    }
    return this;
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The texts of accepted sendMessage calls, in order. */
  synchronized List<String> sentTexts() {
    return calls.stream().filter(c -> c.operation().equals("sendMessage")).map(Call::text).toList();
  }

  synchronized int attempts() {
    return attempts;
  }

  private void accept(String operation, String target, String text, Object detail) {
    accept(operation, target, text, detail, false);
  }

  private synchronized void accept(String operation, String target, String text, Object detail,
      boolean previewDisabled) {
    attempts++;
    Deque<String> queue = failures.get(operation);
    String failure = queue == null ? null : queue.poll();
    if ("unavailable".equals(failure)) {
      throw new ApiUnavailableException(operation, 503, "service.unavailable", "try later",
          operation + ": HTTP 503 (test)", null, null);
    }
    if ("rejected".equals(failure)) {
      throw new ApiRejectedException(operation, 400, "proto.payload", "bad request",
          operation + ": HTTP 400 (test)", null);
    }
    calls.add(new Call(operation, target, text, detail, previewDisabled));
    notifyAll();
    afterCall.run();
  }

  @Override
  public SendMessageResult sendMessage(MessageTarget target, NewMessageBody body) {
    String where = target.chatId() != null ? "chat:" + target.chatId() : "user:" + target.userId();
    int number;
    synchronized (this) {
      accept("sendMessage", where, body.text(), body, target.disableLinkPreview());
      number = calls.size();
    }
    // What TamTam answers: the message with a mid of its own, in the chat it went to.
    return new SendMessageResult(new Message(null, new Recipient(target.chatId(), null, target.userId()),
        1_000L * number, null, new MessageBody("mid.sent." + number, number, body.text(), null, null),
        null, null, null));
  }

  @Override
  public SimpleQueryResult editMessage(String messageId, NewMessageBody body) {
    accept("editMessage", messageId, body.text(), body);
    return new SimpleQueryResult(true, null);
  }

  @Override
  public SimpleQueryResult deleteMessage(String messageId) {
    accept("deleteMessage", messageId, null, null);
    return new SimpleQueryResult(true, null);
  }

  @Override
  public SimpleQueryResult answerOnCallback(String callbackId, CallbackAnswer answer) {
    accept("answerOnCallback", callbackId, answer.notification(), answer);
    return new SimpleQueryResult(true, null);
  }

  @Override
  public SimpleQueryResult construct(String sessionId, ConstructorAnswer answer) {
    accept("construct", sessionId, answer.hint(), answer);
    return new SimpleQueryResult(true, null);
  }

  @Override
  public SimpleQueryResult sendAction(long chatId, SenderAction action) {
    accept("sendAction", "chat:" + chatId, action.name(), action);
    return new SimpleQueryResult(true, null);
  }

  @Override
  public Chat getChat(long chatId) {
    return new Chat(chatId, ChatType.CHAT, ChatStatus.ACTIVE, "Chat " + chatId, null, 0, 3, null,
        Map.of(), false, null, null, null, null, null, null);
  }

  private static <T> T notUsed(String operation) {
    throw new UnsupportedOperationException(Objects.requireNonNull(operation)
        + " is not used by the engine tests");
  }

  @Override public BotInfo getMyInfo() { return notUsed("getMyInfo"); }
  @Override public BotInfo editMyInfo(BotPatch patch) { return notUsed("editMyInfo"); }
  @Override public ChatList getChats(int count, Long marker) { return notUsed("getChats"); }
  @Override public Chat getChatByLink(String chatLink) { return notUsed("getChatByLink"); }
  @Override public Chat editChat(long chatId, ChatPatch patch) { return notUsed("editChat"); }
  @Override public GetPinnedMessageResult getPinnedMessage(long chatId) { return notUsed("getPinnedMessage"); }
  @Override public SimpleQueryResult pinMessage(long chatId, PinMessageBody body) { return notUsed("pinMessage"); }
  @Override public SimpleQueryResult unpinMessage(long chatId) { return notUsed("unpinMessage"); }
  @Override public ChatMember getMembership(long chatId) { return notUsed("getMembership"); }
  @Override public SimpleQueryResult leaveChat(long chatId) { return notUsed("leaveChat"); }
  @Override public ChatMembersList getAdmins(long chatId) { return notUsed("getAdmins"); }
  @Override public ChatMembersList getMembers(MembersQuery query) { return notUsed("getMembers"); }
  @Override public SimpleQueryResult addMembers(long chatId, List<Long> userIds) { return notUsed("addMembers"); }
  @Override public SimpleQueryResult removeMember(long chatId, long userId, boolean block) { return notUsed("removeMember"); }
  @Override public GetSubscriptionsResult getSubscriptions() { return notUsed("getSubscriptions"); }
  @Override public SimpleQueryResult subscribe(SubscriptionRequestBody body) { return notUsed("subscribe"); }
  @Override public SimpleQueryResult unsubscribe(String url) { return notUsed("unsubscribe"); }
  @Override public UploadEndpoint getUploadUrl(UploadType type) { return notUsed("getUploadUrl"); }
  @Override public MessageList getMessages(MessagesQuery query) { return notUsed("getMessages"); }
  @Override public Message getMessageById(String messageId) { return notUsed("getMessageById"); }
  @Override public UpdateList getUpdates(UpdatesRequest request) { return notUsed("getUpdates"); }
}
