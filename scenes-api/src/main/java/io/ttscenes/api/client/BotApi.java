package io.ttscenes.api.client;

import io.ttscenes.api.model.BotInfo;
import io.ttscenes.api.model.BotPatch;
import io.ttscenes.api.model.CallbackAnswer;
import io.ttscenes.api.model.Chat;
import io.ttscenes.api.model.ChatPatch;
import io.ttscenes.api.model.ConstructorAnswer;
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
 * The TamTam Bot API, one method per schema operation (named after its operationId); the reads
 * are declared by {@link BotReads}.
 * Implementations are thread-safe. Every method checks the API's documented limits first and throws
 * {@link IllegalArgumentException} naming the value; a failed call throws
 * {@link ApiRejectedException} (do not retry) or {@link ApiUnavailableException} (retryable, after
 * the implementation's own retries), both {@link BotApiException}s.
 */
public interface BotApi extends BotReads {

  /** PATCH /me: changes the given fields of the bot's info; returns the new info. */
  BotInfo editMyInfo(BotPatch patch);




  /** PATCH /chats/{chatId}: changes a chat's title or icon; returns the changed chat. */
  Chat editChat(long chatId, ChatPatch patch);

  /** POST /chats/{chatId}/actions: shows an action such as "typing" to the chat's members. */
  SimpleQueryResult sendAction(long chatId, SenderAction action);


  /** PUT /chats/{chatId}/pin: pins a message. */
  SimpleQueryResult pinMessage(long chatId, PinMessageBody body);

  /** DELETE /chats/{chatId}/pin: unpins the pinned message. */
  SimpleQueryResult unpinMessage(long chatId);


  /** DELETE /chats/{chatId}/members/me: the bot leaves the chat. */
  SimpleQueryResult leaveChat(long chatId);



  /** POST /chats/{chatId}/members: adds users to a chat. */
  SimpleQueryResult addMembers(long chatId, List<Long> userIds);

  /** DELETE /chats/{chatId}/members: removes a user, blocking them too when {@code block}. */
  SimpleQueryResult removeMember(long chatId, long userId, boolean block);


  /** POST /subscriptions: subscribes a webhook URL to updates. */
  SimpleQueryResult subscribe(SubscriptionRequestBody body);

  /** DELETE /subscriptions: removes the webhook subscription of {@code url}. */
  SimpleQueryResult unsubscribe(String url);

  /** POST /uploads: a URL to upload one file of the given type to. */
  UploadEndpoint getUploadUrl(UploadType type);


  /** POST /messages: sends a message to a chat or a user. */
  SendMessageResult sendMessage(MessageTarget target, NewMessageBody body);

  /** PUT /messages: replaces a message's text/attachments (null attachments: keep them). */
  SimpleQueryResult editMessage(String messageId, NewMessageBody body);

  /** DELETE /messages: deletes a message. */
  SimpleQueryResult deleteMessage(String messageId);


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
