package io.ttscenes.api.client;

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
import io.ttscenes.api.model.PinMessageBody;
import io.ttscenes.api.model.SendMessageResult;
import io.ttscenes.api.model.SenderAction;
import io.ttscenes.api.model.SimpleQueryResult;
import io.ttscenes.api.model.SubscriptionRequestBody;
import io.ttscenes.api.model.UpdateList;
import io.ttscenes.api.model.UploadEndpoint;
import io.ttscenes.api.model.UploadType;
import java.util.List;

/**
 * The TamTam Bot API, one method per schema operation (named after its operationId).
 * Implementations are thread-safe. Every method checks the API's documented limits first and throws
 * {@link IllegalArgumentException} naming the value; a failed call throws
 * {@link ApiRejectedException} (do not retry) or {@link ApiUnavailableException} (retryable, after
 * the implementation's own retries), both {@link BotApiException}s.
 */
public interface BotApi {
  /** GET /me: the bot's own info. */
  BotInfo getMyInfo();

  /** PATCH /me: changes the given fields of the bot's info; returns the new info. */
  BotInfo editMyInfo(BotPatch patch);

  /** GET /chats: a page of {@code count} (1..100) chats after {@code marker} (null: first page). */
  ChatList getChats(int count, Long marker);

  /** GET /chats/{chatLink}: a chat by its public link, or a dialog by username. */
  Chat getChatByLink(String chatLink);

  /** GET /chats/{chatId}: a chat by id. */
  Chat getChat(long chatId);

  /** PATCH /chats/{chatId}: changes a chat's title or icon; returns the changed chat. */
  Chat editChat(long chatId, ChatPatch patch);

  /** POST /chats/{chatId}/actions: shows an action such as "typing" to the chat's members. */
  SimpleQueryResult sendAction(long chatId, SenderAction action);

  /** GET /chats/{chatId}/pin: the pinned message, if any (inside the result). */
  GetPinnedMessageResult getPinnedMessage(long chatId);

  /** PUT /chats/{chatId}/pin: pins a message. */
  SimpleQueryResult pinMessage(long chatId, PinMessageBody body);

  /** DELETE /chats/{chatId}/pin: unpins the pinned message. */
  SimpleQueryResult unpinMessage(long chatId);

  /** GET /chats/{chatId}/members/me: the bot's own membership in a chat. */
  ChatMember getMembership(long chatId);

  /** DELETE /chats/{chatId}/members/me: the bot leaves the chat. */
  SimpleQueryResult leaveChat(long chatId);

  /** GET /chats/{chatId}/members/admins: the chat's administrators (the bot must be one). */
  ChatMembersList getAdmins(long chatId);

  /** GET /chats/{chatId}/members: a page of members, or the membership of given users. */
  ChatMembersList getMembers(MembersQuery query);

  /** POST /chats/{chatId}/members: adds users to a chat. */
  SimpleQueryResult addMembers(long chatId, List<Long> userIds);

  /** DELETE /chats/{chatId}/members: removes a user, blocking them too when {@code block}. */
  SimpleQueryResult removeMember(long chatId, long userId, boolean block);

  /** GET /subscriptions: the bot's webhook subscriptions. */
  GetSubscriptionsResult getSubscriptions();

  /** POST /subscriptions: subscribes a webhook URL to updates. */
  SimpleQueryResult subscribe(SubscriptionRequestBody body);

  /** DELETE /subscriptions: removes the webhook subscription of {@code url}. */
  SimpleQueryResult unsubscribe(String url);

  /** POST /uploads: a URL to upload one file of the given type to. */
  UploadEndpoint getUploadUrl(UploadType type);

  /** GET /messages: messages of a chat, newest first, or given messages by id. */
  MessageList getMessages(MessagesQuery query);

  /** POST /messages: sends a message to a chat or a user. */
  SendMessageResult sendMessage(MessageTarget target, NewMessageBody body);

  /** PUT /messages: replaces a message's text/attachments (null attachments: keep them). */
  SimpleQueryResult editMessage(String messageId, NewMessageBody body);

  /** DELETE /messages: deletes a message. */
  SimpleQueryResult deleteMessage(String messageId);

  /** GET /messages/{messageId}: one message by its id ({@code mid}). */
  Message getMessageById(String messageId);

  /** POST /answers: answers a button press with a changed message and/or a notification. */
  SimpleQueryResult answerOnCallback(String callbackId, CallbackAnswer answer);

  /** POST /answers/constructor: answers a constructor session's request. */
  SimpleQueryResult construct(String sessionId, ConstructorAnswer answer);

  /**
   * GET /updates: long-polls for updates, waiting up to the request's timeout. The call's read
   * timeout follows the poll timeout, not the client's usual one.
   */
  UpdateList getUpdates(UpdatesRequest request);
}
