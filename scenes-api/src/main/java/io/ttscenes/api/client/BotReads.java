package io.ttscenes.api.client;

import io.ttscenes.api.model.BotInfo;
import io.ttscenes.api.model.Chat;
import io.ttscenes.api.model.ChatList;
import io.ttscenes.api.model.ChatMember;
import io.ttscenes.api.model.ChatMembersList;
import io.ttscenes.api.model.GetPinnedMessageResult;
import io.ttscenes.api.model.GetSubscriptionsResult;
import io.ttscenes.api.model.Message;
import io.ttscenes.api.model.MessageList;

/**
 * The reading operations of the Bot API: what a handler may call directly through
 * {@code Context.api()}, since a read sent twice on a re-run does no harm (writes are recorded on
 * the context and sent once, after the commit). Implementations are thread-safe and throw as
 * {@link BotApi} does.
 */
public interface BotReads {
  /** GET /me: the bot's own info. */
  BotInfo getMyInfo();
  /** GET /chats: a page of {@code count} (1..100) chats after {@code marker} (null: first page). */
  ChatList getChats(int count, Long marker);
  /** GET /chats/{chatLink}: a chat by its public link, or a dialog by username. */
  Chat getChatByLink(String chatLink);
  /** GET /chats/{chatId}: a chat by id. */
  Chat getChat(long chatId);
  /** GET /chats/{chatId}/pin: the pinned message, if any (inside the result). */
  GetPinnedMessageResult getPinnedMessage(long chatId);
  /** GET /chats/{chatId}/members/me: the bot's own membership in a chat. */
  ChatMember getMembership(long chatId);
  /** GET /chats/{chatId}/members/admins: the chat's administrators (the bot must be one). */
  ChatMembersList getAdmins(long chatId);
  /** GET /chats/{chatId}/members: a page of members, or the membership of given users. */
  ChatMembersList getMembers(MembersQuery query);
  /** GET /subscriptions: the bot's webhook subscriptions. */
  GetSubscriptionsResult getSubscriptions();
  /** GET /messages: messages of a chat, newest first, or given messages by id. */
  MessageList getMessages(MessagesQuery query);
  /** GET /messages/{messageId}: one message by its id ({@code mid}). */
  Message getMessageById(String messageId);
}
