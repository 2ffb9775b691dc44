package io.ttscenes.benchmarks;

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
import io.ttscenes.api.model.User;
import java.util.List;

/**
 * A Bot API that answers the survey's two write calls at once without any I/O,
 * so a microbenchmark measures the runtime rather than the network; an optional listener sees
 * each message's recipient and text. Other calls are not part of the survey and throw
 * {@link UnsupportedOperationException} naming the call. Thread-safe if the listener is.
 */
final class NoOpBotApi implements BotApi {
  /** Sees each message sent: its chat (or user) id and text. */
  interface SentMessages {
    void sent(long chatId, String text);
  }

  private static final User BOT = new User(1, "survey", "survey_bot", true, 0);
  private final SentMessages listener;

  NoOpBotApi() {
    this((chat, text) -> { });
  }

  NoOpBotApi(SentMessages listener) {
    this.listener = listener;
  }

  @Override
  public SendMessageResult sendMessage(MessageTarget target, NewMessageBody body) {
    long chat = target.chatId() != null ? target.chatId() : target.userId();
    listener.sent(chat, body.text());
    return new SendMessageResult(new Message(BOT, new Recipient(chat, ChatType.DIALOG, null), 0, null,
        new MessageBody("mid.bench", 1, body.text(), null, null), null, null, null));
  }

  @Override
  public SimpleQueryResult answerOnCallback(String callbackId, CallbackAnswer answer) {
    return new SimpleQueryResult(true, null);
  }

  @Override
  public BotInfo getMyInfo() {
    throw unsupported("getMyInfo");
  }

  @Override
  public BotInfo editMyInfo(BotPatch patch) {
    throw unsupported("editMyInfo");
  }

  @Override
  public ChatList getChats(int count, Long marker) {
    throw unsupported("getChats");
  }

  @Override
  public Chat getChatByLink(String chatLink) {
    throw unsupported("getChatByLink");
  }

  @Override
  public Chat getChat(long chatId) {
    throw unsupported("getChat");
  }

  @Override
  public Chat editChat(long chatId, ChatPatch patch) {
    throw unsupported("editChat");
  }

  @Override
  public SimpleQueryResult sendAction(long chatId, SenderAction action) {
    throw unsupported("sendAction");
  }

  @Override
  public GetPinnedMessageResult getPinnedMessage(long chatId) {
    throw unsupported("getPinnedMessage");
  }

  @Override
  public SimpleQueryResult pinMessage(long chatId, PinMessageBody body) {
    throw unsupported("pinMessage");
  }

  @Override
  public SimpleQueryResult unpinMessage(long chatId) {
    throw unsupported("unpinMessage");
  }

  @Override
  public ChatMember getMembership(long chatId) {
    throw unsupported("getMembership");
  }

  @Override
  public SimpleQueryResult leaveChat(long chatId) {
    throw unsupported("leaveChat");
  }

  @Override
  public ChatMembersList getAdmins(long chatId) {
    throw unsupported("getAdmins");
  }

  @Override
  public ChatMembersList getMembers(MembersQuery query) {
    throw unsupported("getMembers");
  }

  @Override
  public SimpleQueryResult addMembers(long chatId, List<Long> userIds) {
    throw unsupported("addMembers");
  }

  @Override
  public SimpleQueryResult removeMember(long chatId, long userId, boolean block) {
    throw unsupported("removeMember");
  }

  @Override
  public GetSubscriptionsResult getSubscriptions() {
    throw unsupported("getSubscriptions");
  }

  @Override
  public SimpleQueryResult subscribe(SubscriptionRequestBody body) {
    throw unsupported("subscribe");
  }

  @Override
  public SimpleQueryResult unsubscribe(String url) {
    throw unsupported("unsubscribe");
  }

  @Override
  public UploadEndpoint getUploadUrl(UploadType type) {
    throw unsupported("getUploadUrl");
  }

  @Override
  public MessageList getMessages(MessagesQuery query) {
    throw unsupported("getMessages");
  }

  @Override
  public SimpleQueryResult editMessage(String messageId, NewMessageBody body) {
    throw unsupported("editMessage");
  }

  @Override
  public SimpleQueryResult deleteMessage(String messageId) {
    throw unsupported("deleteMessage");
  }

  @Override
  public Message getMessageById(String messageId) {
    throw unsupported("getMessageById");
  }

  @Override
  public SimpleQueryResult construct(String sessionId, ConstructorAnswer answer) {
    throw unsupported("construct");
  }

  @Override
  public UpdateList getUpdates(UpdatesRequest request) {
    throw unsupported("getUpdates");
  }

  private static UnsupportedOperationException unsupported(String call) {
    return new UnsupportedOperationException(call + " is not part of the survey workload");
  }
}
