package io.ttscenes.runtime.engine;

import io.ttscenes.api.client.BotApi;
import io.ttscenes.api.client.BotReads;
import io.ttscenes.api.client.MembersQuery;
import io.ttscenes.api.client.MessagesQuery;
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
 * The reads of a {@link BotApi} and nothing else, for {@code Context.api()}: a handler cannot cast
 * it back to the full client and send a write that would bypass the outbox (and be sent again when
 * a conflicting commit re-runs the handler). Thread-safe as the client it wraps.
 */
final class ReadOnlyApi implements BotReads {
  private final BotApi api;

  ReadOnlyApi(BotApi api) {
    this.api = api;
  }

  @Override public BotInfo getMyInfo() { return api.getMyInfo(); }
  @Override public ChatList getChats(int count, Long marker) { return api.getChats(count, marker); }
  @Override public Chat getChatByLink(String chatLink) { return api.getChatByLink(chatLink); }
  @Override public Chat getChat(long chatId) { return api.getChat(chatId); }
  @Override public GetPinnedMessageResult getPinnedMessage(long chatId) { return api.getPinnedMessage(chatId); }
  @Override public ChatMember getMembership(long chatId) { return api.getMembership(chatId); }
  @Override public ChatMembersList getAdmins(long chatId) { return api.getAdmins(chatId); }
  @Override public ChatMembersList getMembers(MembersQuery query) { return api.getMembers(query); }
  @Override public GetSubscriptionsResult getSubscriptions() { return api.getSubscriptions(); }
  @Override public MessageList getMessages(MessagesQuery query) { return api.getMessages(query); }
  @Override public Message getMessageById(String messageId) { return api.getMessageById(messageId); }
}
