package io.ttscenes.runtime.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.api.client.ApiLimits;
import io.ttscenes.api.client.BotApi;
import io.ttscenes.api.client.MembersQuery;
import io.ttscenes.api.client.MessageTarget;
import io.ttscenes.api.client.MessagesQuery;
import io.ttscenes.api.client.UpdatesRequest;
import io.ttscenes.api.client.UploadSource;
import io.ttscenes.api.client.Uploader;
import io.ttscenes.api.model.ActionRequestBody;
import io.ttscenes.api.model.BotInfo;
import io.ttscenes.api.model.BotPatch;
import io.ttscenes.api.model.CallbackAnswer;
import io.ttscenes.api.model.Chat;
import io.ttscenes.api.model.ChatList;
import io.ttscenes.api.model.ChatMember;
import io.ttscenes.api.model.ChatMembersList;
import io.ttscenes.api.model.ChatPatch;
import io.ttscenes.api.model.ConstructorAnswer;
import io.ttscenes.api.model.GetPinnedMessageResult;
import io.ttscenes.api.model.GetSubscriptionsResult;
import io.ttscenes.api.model.Message;
import io.ttscenes.api.model.MessageList;
import io.ttscenes.api.model.NewMessageBody;
import io.ttscenes.api.model.PhotoTokens;
import io.ttscenes.api.model.PinMessageBody;
import io.ttscenes.api.model.SendMessageResult;
import io.ttscenes.api.model.SenderAction;
import io.ttscenes.api.model.SimpleQueryResult;
import io.ttscenes.api.model.SubscriptionRequestBody;
import io.ttscenes.api.model.UpdateList;
import io.ttscenes.api.model.UploadEndpoint;
import io.ttscenes.api.model.UploadType;
import io.ttscenes.api.model.UploadedInfo;
import io.ttscenes.api.model.UserIdsList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Bot API over OkHttp and Jackson; build one with {@link #builder(String)} or
 * {@link #fromEnvironment()} and share it: it is thread-safe, and its rate limit (default 30
 * requests per second, evenly spaced) holds for all threads together.
 *
 * <p>Retries follow {@link RetryPolicy} and this idempotence table:
 * <table>
 *   <caption>When a failed call is sent again</caption>
 *   <tr><th>failure</th><th>GET, PUT, PATCH, DELETE</th><th>POST (sendMessage, answerOnCallback,
 *       construct, addMembers, sendAction, subscribe, getUploadUrl)</th></tr>
 *   <tr><td>connect failure (nothing written)</td><td>retried</td><td>retried</td></tr>
 *   <tr><td>429, 503</td><td>retried</td><td>retried</td></tr>
 *   <tr><td>400 attachment.not.ready</td><td>retried until the attachment deadline</td>
 *       <td>retried until the attachment deadline</td></tr>
 *   <tr><td>read timeout, cut connection after sending, 500, 502, 504, other 5xx</td>
 *       <td>retried</td><td>not retried: the server may have acted on it</td></tr>
 *   <tr><td>other 4xx, malformed 2xx body</td><td>not retried</td><td>not retried</td></tr>
 * </table>
 * "Nothing written" is known exactly: a network interceptor marks the request once a connection is
 * open, and OkHttp's own silent retry on connection failure is switched off.
 *
 * <p>The runtime sends its outbox calls through {@link AnswerlessWrites}, which makes the same
 * requests but only checks that the answer is a JSON object.
 *
 * <p>Uploads: a file up to the resumable threshold goes in one multipart request, sent once; a
 * larger one goes in chunks and, after a failed chunk, continues from the last byte the upload
 * server confirms, giving up after {@code maxAttempts} failures in a row without progress.
 */
public final class OkHttpBotApi implements BotApi, Uploader, AnswerlessWrites {
  private final RetryLoop loop;
  private final ObjectMapper mapper;
  private final JsonAnswers answers;
  private final UploadClient uploads;
  private final Duration pollMargin;
  private final long resumableThreshold;
  private final UpdatePages pages;
  // The last polled update types and their parameter; racy on purpose, as any result is right.
  private volatile PolledTypes polledTypes;

  private record PolledTypes(Set<String> types, String parameter) {}

  OkHttpBotApi(
      RetryLoop loop, ObjectMapper mapper, UploadClient uploads, Duration pollMargin,
      long resumableThreshold, UpdatePages pages) {
    this.loop = loop;
    this.pages = pages;
    this.mapper = mapper;
    this.answers = new JsonAnswers(mapper);
    this.uploads = uploads;
    this.pollMargin = pollMargin;
    this.resumableThreshold = resumableThreshold;
  }

  /** A builder for a client with the given bot token and every other setting at its default. */
  public static OkHttpBotApiBuilder builder(String token) {
    return new OkHttpBotApiBuilder(token);
  }

  /**
   * A builder configured from {@code TAMTAM_TOKEN}, {@code TAMTAM_DIALECT} ({@code tamtam} or
   * {@code max}: where the token goes and the default address) and {@code TAMTAM_API_URL} (default
   * the dialect's, {@code https://botapi.tamtam.chat} for TamTam).
   *
   * @throws IllegalStateException if {@code TAMTAM_TOKEN} is not set
   */
  public static OkHttpBotApiBuilder fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** As {@link #fromEnvironment()}, reading the variables from {@code env}. */
  public static OkHttpBotApiBuilder fromEnvironment(Map<String, String> env) {
    String token = env.get("TAMTAM_TOKEN");
    if (token == null || token.isBlank()) {
      throw new IllegalStateException("TAMTAM_TOKEN is not set: the bot token is required");
    }
    String name = env.getOrDefault("TAMTAM_DIALECT", "");
    ApiDialect dialect = name.isBlank() ? ApiDialect.TAMTAM : ApiDialect.named(name).orElseThrow(
        () -> new IllegalStateException("TAMTAM_DIALECT is '" + name + "'; it must be tamtam or max"));
    OkHttpBotApiBuilder builder = builder(token).authMode(dialect.authMode()).baseUrl(dialect.defaultBaseUrl());
    String url = env.get("TAMTAM_API_URL");
    return url == null || url.isBlank() ? builder : builder.baseUrl(url);
  }

  @Override
  public BotInfo getMyInfo() {
    return call(ApiRequest.of("getMyInfo", "GET").path("me"), BotInfo.class);
  }

  @Override
  public BotInfo editMyInfo(BotPatch patch) {
    RequestChecks.botPatch(patch);
    return call(ApiRequest.of("editMyInfo", "PATCH").path("me").body(patch), BotInfo.class);
  }

  @Override
  public ChatList getChats(int count, Long marker) {
    ApiLimits.checkPageCount("getChats", count);
    return call(ApiRequest.of("getChats", "GET").path("chats")
        .query("count", count).query("marker", marker), ChatList.class);
  }

  @Override
  public Chat getChatByLink(String chatLink) {
    return call(ApiRequest.of("getChatByLink", "GET").path("chats", chatLink), Chat.class);
  }

  @Override
  public Chat getChat(long chatId) {
    return call(ApiRequest.of("getChat", "GET").path("chats", chatId), Chat.class);
  }

  @Override
  public Chat editChat(long chatId, ChatPatch patch) {
    RequestChecks.chatPatch(patch);
    return call(ApiRequest.of("editChat", "PATCH").path("chats", chatId).body(patch), Chat.class);
  }

  @Override
  public SimpleQueryResult sendAction(long chatId, SenderAction action) {
    RequestChecks.sendable("sender action", action == SenderAction.UNKNOWN);
    return call(ApiRequest.of("sendAction", "POST").path("chats", chatId, "actions")
        .body(new ActionRequestBody(action)), SimpleQueryResult.class);
  }

  @Override
  public GetPinnedMessageResult getPinnedMessage(long chatId) {
    return call(ApiRequest.of("getPinnedMessage", "GET").path("chats", chatId, "pin"),
        GetPinnedMessageResult.class);
  }

  @Override
  public SimpleQueryResult pinMessage(long chatId, PinMessageBody body) {
    return call(ApiRequest.of("pinMessage", "PUT").path("chats", chatId, "pin").body(body),
        SimpleQueryResult.class);
  }

  @Override
  public SimpleQueryResult unpinMessage(long chatId) {
    return call(ApiRequest.of("unpinMessage", "DELETE").path("chats", chatId, "pin"),
        SimpleQueryResult.class);
  }

  @Override
  public ChatMember getMembership(long chatId) {
    return call(ApiRequest.of("getMembership", "GET").path("chats", chatId, "members", "me"),
        ChatMember.class);
  }

  @Override
  public SimpleQueryResult leaveChat(long chatId) {
    return call(ApiRequest.of("leaveChat", "DELETE").path("chats", chatId, "members", "me"),
        SimpleQueryResult.class);
  }

  @Override
  public ChatMembersList getAdmins(long chatId) {
    return call(ApiRequest.of("getAdmins", "GET").path("chats", chatId, "members", "admins"),
        ChatMembersList.class);
  }

  @Override
  public ChatMembersList getMembers(MembersQuery query) {
    ApiRequest.Builder request = ApiRequest.of("getMembers", "GET")
        .path("chats", query.chatId(), "members");
    if (query.userIds().isEmpty()) {
      request.query("marker", query.marker()).query("count", query.count());
    } else {
      request.queryList("user_ids", query.userIds());
    }
    return call(request, ChatMembersList.class);
  }

  @Override
  public SimpleQueryResult addMembers(long chatId, List<Long> userIds) {
    return call(ApiRequest.of("addMembers", "POST").path("chats", chatId, "members")
        .body(UserIdsList.of(userIds)), SimpleQueryResult.class);
  }

  @Override
  public SimpleQueryResult removeMember(long chatId, long userId, boolean block) {
    return call(ApiRequest.of("removeMember", "DELETE").path("chats", chatId, "members")
        .query("user_id", userId).query("block", block), SimpleQueryResult.class);
  }

  @Override
  public GetSubscriptionsResult getSubscriptions() {
    return call(ApiRequest.of("getSubscriptions", "GET").path("subscriptions"),
        GetSubscriptionsResult.class);
  }

  @Override
  public SimpleQueryResult subscribe(SubscriptionRequestBody body) {
    return call(ApiRequest.of("subscribe", "POST").path("subscriptions").body(body),
        SimpleQueryResult.class);
  }

  @Override
  public SimpleQueryResult unsubscribe(String url) {
    return call(ApiRequest.of("unsubscribe", "DELETE").path("subscriptions").query("url", url),
        SimpleQueryResult.class);
  }

  @Override
  public UploadEndpoint getUploadUrl(UploadType type) {
    RequestChecks.sendable("upload type", type == UploadType.UNKNOWN);
    return call(ApiRequest.of("getUploadUrl", "POST").path("uploads")
        .query("type", mapper.convertValue(type, String.class)), UploadEndpoint.class);
  }

  @Override
  public MessageList getMessages(MessagesQuery query) {
    return call(ApiRequest.of("getMessages", "GET").path("messages")
        .query("chat_id", query.chatId()).queryList("message_ids", query.messageIds())
        .query("from", query.from()).query("to", query.to()).query("count", query.count()),
        MessageList.class);
  }

  @Override
  public SendMessageResult sendMessage(MessageTarget target, NewMessageBody body) {
    return call(sendMessageRequest(target, body), SendMessageResult.class);
  }

  @Override
  public void sendMessageUnread(MessageTarget target, NewMessageBody body) {
    callUnread(sendMessageRequest(target, body));
  }

  @Override
  public void sendMessageUnread(MessageTarget target, NewMessageBody body, String bodyJson) {
    Objects.requireNonNull(bodyJson, "bodyJson");
    callUnread(sendMessageRequest(target, body).body(new HttpExchange.Written(bodyJson)));
  }

  private static ApiRequest.Builder sendMessageRequest(MessageTarget target, NewMessageBody body) {
    RequestChecks.message(body);
    return ApiRequest.of("sendMessage", "POST").path("messages")
        .query("user_id", target.userId()).query("chat_id", target.chatId())
        .query("disable_link_preview", target.disableLinkPreview() ? true : null)
        .body(body);
  }

  @Override
  public SimpleQueryResult editMessage(String messageId, NewMessageBody body) {
    RequestChecks.message(body);
    return call(ApiRequest.of("editMessage", "PUT").path("messages")
        .query("message_id", RequestChecks.nonBlank("message id", messageId)).body(body),
        SimpleQueryResult.class);
  }

  @Override
  public SimpleQueryResult deleteMessage(String messageId) {
    return call(ApiRequest.of("deleteMessage", "DELETE").path("messages")
        .query("message_id", RequestChecks.nonBlank("message id", messageId)), SimpleQueryResult.class);
  }

  @Override
  public Message getMessageById(String messageId) {
    return call(ApiRequest.of("getMessageById", "GET")
        .path("messages", RequestChecks.nonBlank("message id", messageId)), Message.class);
  }

  @Override
  public SimpleQueryResult answerOnCallback(String callbackId, CallbackAnswer answer) {
    return call(answerRequest(callbackId, answer), SimpleQueryResult.class);
  }

  @Override
  public void answerOnCallbackUnread(String callbackId, CallbackAnswer answer) {
    callUnread(answerRequest(callbackId, answer));
  }

  private static ApiRequest.Builder answerRequest(String callbackId, CallbackAnswer answer) {
    RequestChecks.callbackAnswer(answer);
    return ApiRequest.of("answerOnCallback", "POST").path("answers")
        .query("callback_id", RequestChecks.nonBlank("callback id", callbackId)).body(answer);
  }

  @Override
  public SimpleQueryResult construct(String sessionId, ConstructorAnswer answer) {
    RequestChecks.constructorAnswer(answer);
    return call(ApiRequest.of("construct", "POST").path("answers", "constructor")
        .query("session_id", RequestChecks.nonBlank("session id", sessionId)).body(answer),
        SimpleQueryResult.class);
  }

  @Override
  public UpdateList getUpdates(UpdatesRequest request) {
    Duration readTimeout = Duration.ofSeconds(request.timeoutSeconds()).plus(pollMargin);
    ApiRequest built = ApiRequest.of("getUpdates", "GET").path("updates")
        .query("limit", request.limit()).query("timeout", request.timeoutSeconds())
        .query("marker", request.marker())
        .query("types", typesParameter(request.types()))
        .readTimeout(readTimeout).build();
    HttpExchange.Raw raw = loop.run(built);
    return pages.read(built.operation(), raw.status(), raw.body());
  }

  /**
   * The {@code types} parameter: the names sorted and joined by commas, null for none. A poller
   * asks with the same set every time, so the last one is kept rather than sorted per poll.
   */
  private String typesParameter(Set<String> types) {
    PolledTypes last = polledTypes;
    if (last == null || !last.types().equals(types)) {
      last = new PolledTypes(types, types.isEmpty() ? null : String.join(",", new TreeSet<>(types)));
      polledTypes = last;
    }
    return last.parameter();
  }

  @Override
  public PhotoTokens uploadImage(UploadSource source) {
    return answers.read("upload", 200, upload(UploadType.IMAGE, source), PhotoTokens.class);
  }

  @Override
  public UploadedInfo uploadMedia(UploadType type, UploadSource source) {
    if (type == UploadType.IMAGE) {
      throw new IllegalArgumentException("upload type image returns photo tokens: use uploadImage");
    }
    return answers.read("upload", 200, upload(type, source), UploadedInfo.class);
  }

  private byte[] upload(UploadType type, UploadSource source) {
    String url = getUploadUrl(type).url();
    return source.size() > resumableThreshold
        ? uploads.resumable(url, source)
        : uploads.multipart(url, source);
  }

  private <T> T call(ApiRequest.Builder request, Class<T> type) {
    ApiRequest built = request.build();
    HttpExchange.Raw raw = loop.run(built);
    return answers.read(built.operation(), raw.status(), raw.body(), type);
  }

  private void callUnread(ApiRequest.Builder request) {
    ApiRequest built = request.build();
    HttpExchange.Raw raw = loop.run(built);
    answers.check(built.operation(), raw.status(), raw.body());
  }

  /** The mapper that writes requests and reads answers. */
  ObjectMapper mapper() {
    return mapper;
  }
}
