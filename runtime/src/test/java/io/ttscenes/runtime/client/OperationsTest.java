package io.ttscenes.runtime.client;

import static io.ttscenes.runtime.client.ApiServer.apiQuery;
import static io.ttscenes.runtime.client.ApiServer.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.client.MembersQuery;
import io.ttscenes.api.client.MessageTarget;
import io.ttscenes.api.client.MessagesQuery;
import io.ttscenes.api.client.UpdatesRequest;
import io.ttscenes.api.model.BotCommand;
import io.ttscenes.api.model.BotInfo;
import io.ttscenes.api.model.BotPatch;
import io.ttscenes.api.model.CallbackAnswer;
import io.ttscenes.api.model.CallbackButton;
import io.ttscenes.api.model.Chat;
import io.ttscenes.api.model.ChatList;
import io.ttscenes.api.model.ChatMember;
import io.ttscenes.api.model.ChatMembersList;
import io.ttscenes.api.model.ChatPatch;
import io.ttscenes.api.model.ConstructorAnswer;
import io.ttscenes.api.model.InlineKeyboardAttachmentRequest;
import io.ttscenes.api.model.Message;
import io.ttscenes.api.model.MessageCreatedUpdate;
import io.ttscenes.api.model.NewMessageBody;
import io.ttscenes.api.model.PinMessageBody;
import io.ttscenes.api.model.SenderAction;
import io.ttscenes.api.model.SimpleQueryResult;
import io.ttscenes.api.model.SubscriptionRequestBody;
import io.ttscenes.api.model.TextFormat;
import io.ttscenes.api.model.UpdateList;
import io.ttscenes.api.model.UploadType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each of the 28 operations: method, path, query, body on the wire, and the parsed answer. */
final class OperationsTest {
  /** operationId -> parameter names the tests below actually checked on the wire. */
  private static final Map<String, Set<String>> EXERCISED = new HashMap<>();

  private static final String OK = "{\"success\":true}";
  private static final String MESSAGE = "{\"sender\":{\"user_id\":1,\"name\":\"Ann\"},"
      + "\"recipient\":{\"chat_id\":5,\"chat_type\":\"dialog\"},\"timestamp\":100,"
      + "\"body\":{\"mid\":\"mid.1\",\"seq\":1,\"text\":\"hello\"}}";
  private static final String CHAT = "{\"chat_id\":5,\"type\":\"chat\",\"status\":\"active\","
      + "\"title\":\"Support\",\"last_event_time\":1,\"participants_count\":3,\"is_public\":false}";
  private static final String MEMBER = "{\"user_id\":7,\"name\":\"Bob\",\"is_bot\":false,"
      + "\"last_activity_time\":1,\"last_access_time\":2,\"is_owner\":false,\"is_admin\":true,"
      + "\"join_time\":3}";

  private final ApiServer api = new ApiServer();
  private final OkHttpBotApi client = api.client().build();

  OperationsTest() throws Exception {}

  @AfterEach
  void stop() {
    api.close();
  }

  @AfterAll
  static void everyTableEntryWasExercised() {
    for (Map.Entry<String, Set<String>> claimed : SchemaCoverageTest.PARAMETERS.entrySet()) {
      Set<String> seen = EXERCISED.get(claimed.getKey());
      if (seen != null) {
        assertTrue(seen.containsAll(claimed.getValue()),
            claimed.getKey() + " claims " + claimed.getValue() + " but tests checked " + seen);
      }
    }
  }

  /** Asserts method, path and API query of a request and records the checked parameter names. */
  private static void expect(RecordedRequest request, String operation, String method,
      String path, Map<String, String> query, String... pathParameters) {
    assertEquals(method, request.getMethod());
    assertEquals(path, request.getUrl().encodedPath());
    assertEquals(new HashMap<>(query), new HashMap<>(apiQuery(request)));
    assertEquals(ApiServer.TOKEN, request.getUrl().queryParameter("access_token"));
    assertEquals("0.5.6", request.getUrl().queryParameter("v"));
    Set<String> names = EXERCISED.computeIfAbsent(operation, k -> new TreeSet<>());
    names.addAll(query.keySet());
    names.addAll(List.of(pathParameters));
  }

  @Test
  void getMyInfo() throws Exception {
    api.reply("{\"user_id\":123,\"name\":\"FAQ bot\",\"username\":\"faq_bot\",\"is_bot\":true,"
        + "\"last_activity_time\":1,\"commands\":[{\"name\":\"start\",\"description\":\"Go\"}]}");

    BotInfo info = client.getMyInfo();

    expect(api.take(), "getMyInfo", "GET", "/me", Map.of());
    assertEquals(123, info.userId());
    assertEquals("faq_bot", info.username());
    assertEquals(List.of(BotCommand.of("start", "Go")), info.commands());
  }

  @Test
  void editMyInfo() throws Exception {
    api.reply("{\"user_id\":123,\"name\":\"New name\",\"is_bot\":true,\"last_activity_time\":1}");

    BotInfo info = client.editMyInfo(
        new BotPatch("New name", null, List.of(BotCommand.of("help", "Show help")), null));

    RecordedRequest request = api.take();
    expect(request, "editMyInfo", "PATCH", "/me", Map.of());
    assertJson("{\"name\":\"New name\",\"commands\":[{\"name\":\"help\","
        + "\"description\":\"Show help\"}]}", request);
    assertEquals("New name", info.name());
  }

  @Test
  void getChats() throws Exception {
    api.reply("{\"chats\":[" + CHAT + "],\"marker\":99}");

    ChatList chats = client.getChats(10, 7L);

    expect(api.take(), "getChats", "GET", "/chats", Map.of("count", "10", "marker", "7"));
    assertEquals("Support", chats.chats().get(0).title());
    assertEquals(99L, chats.marker());
  }

  @Test
  void getChatsFirstPageSendsNoMarker() throws Exception {
    api.reply("{\"chats\":[],\"marker\":null}");

    ChatList chats = client.getChats(50, null);

    expect(api.take(), "getChats", "GET", "/chats", Map.of("count", "50"));
    assertTrue(chats.chats().isEmpty());
    assertNull(chats.marker());
  }

  @Test
  void getChatByLink() throws Exception {
    api.reply(CHAT);

    Chat chat = client.getChatByLink("@support");

    expect(api.take(), "getChatByLink", "GET", "/chats/@support", Map.of(), "chatLink");
    assertEquals(5, chat.chatId());
  }

  @Test
  void getChat() throws Exception {
    api.reply(CHAT);

    Chat chat = client.getChat(-5);

    expect(api.take(), "getChat", "GET", "/chats/-5", Map.of(), "chatId");
    assertEquals("Support", chat.title());
  }

  @Test
  void editChat() throws Exception {
    api.reply(CHAT);

    Chat chat = client.editChat(5, new ChatPatch(null, "Support", null, false));

    RecordedRequest request = api.take();
    expect(request, "editChat", "PATCH", "/chats/5", Map.of(), "chatId");
    assertJson("{\"title\":\"Support\",\"notify\":false}", request);
    assertEquals("Support", chat.title());
  }

  @Test
  void sendAction() throws Exception {
    api.reply(OK);

    SimpleQueryResult result = client.sendAction(5, SenderAction.TYPING_ON);

    RecordedRequest request = api.take();
    expect(request, "sendAction", "POST", "/chats/5/actions", Map.of(), "chatId");
    assertJson("{\"action\":\"typing_on\"}", request);
    assertTrue(result.success());
  }

  @Test
  void getPinnedMessage() throws Exception {
    api.reply("{\"message\":" + MESSAGE + "}");

    Message pinned = client.getPinnedMessage(5).message();

    expect(api.take(), "getPinnedMessage", "GET", "/chats/5/pin", Map.of(), "chatId");
    assertEquals("hello", pinned.body().text());
  }

  @Test
  void pinMessage() throws Exception {
    api.reply(OK);

    client.pinMessage(5, new PinMessageBody("mid.1", false));

    RecordedRequest request = api.take();
    expect(request, "pinMessage", "PUT", "/chats/5/pin", Map.of(), "chatId");
    assertJson("{\"message_id\":\"mid.1\",\"notify\":false}", request);
  }

  @Test
  void unpinMessage() throws Exception {
    api.reply("{\"success\":false,\"message\":\"nothing pinned\"}");

    SimpleQueryResult result = client.unpinMessage(5);

    expect(api.take(), "unpinMessage", "DELETE", "/chats/5/pin", Map.of(), "chatId");
    assertFalse(result.success());
    assertEquals("nothing pinned", result.message());
  }

  @Test
  void getMembership() throws Exception {
    api.reply(MEMBER);

    ChatMember me = client.getMembership(5);

    expect(api.take(), "getMembership", "GET", "/chats/5/members/me", Map.of(), "chatId");
    assertTrue(me.isAdmin());
  }

  @Test
  void leaveChat() throws Exception {
    api.reply(OK);

    assertTrue(client.leaveChat(5).success());

    expect(api.take(), "leaveChat", "DELETE", "/chats/5/members/me", Map.of(), "chatId");
  }

  @Test
  void getAdmins() throws Exception {
    api.reply("{\"members\":[" + MEMBER + "]}");

    ChatMembersList admins = client.getAdmins(5);

    expect(api.take(), "getAdmins", "GET", "/chats/5/members/admins", Map.of(), "chatId");
    assertEquals(7, admins.members().get(0).userId());
  }

  @Test
  void getMembersPage() throws Exception {
    api.reply("{\"members\":[" + MEMBER + "],\"marker\":11}");

    ChatMembersList page = client.getMembers(MembersQuery.firstPage(5).after(3L).count(40));

    expect(api.take(), "getMembers", "GET", "/chats/5/members",
        Map.of("marker", "3", "count", "40"), "chatId");
    assertEquals(11L, page.marker());
  }

  @Test
  void getMembersOfGivenUsers() throws Exception {
    api.reply("{\"members\":[" + MEMBER + "]}");

    ChatMembersList members = client.getMembers(MembersQuery.users(5, List.of(7L, 8L)));

    expect(api.take(), "getMembers", "GET", "/chats/5/members", Map.of("user_ids", "7,8"),
        "chatId");
    assertEquals("Bob", members.members().get(0).name());
  }

  @Test
  void addMembers() throws Exception {
    api.reply(OK);

    client.addMembers(5, List.of(7L, 8L));

    RecordedRequest request = api.take();
    expect(request, "addMembers", "POST", "/chats/5/members", Map.of(), "chatId");
    assertJson("{\"user_ids\":[7,8]}", request);
  }

  @Test
  void removeMember() throws Exception {
    api.reply(OK);

    client.removeMember(5, 7, true);

    expect(api.take(), "removeMember", "DELETE", "/chats/5/members",
        Map.of("user_id", "7", "block", "true"), "chatId");
  }

  @Test
  void getSubscriptions() throws Exception {
    api.reply("{\"subscriptions\":[{\"url\":\"https://bot.example/hook\",\"time\":5,"
        + "\"update_types\":[\"message_created\"],\"version\":\"0.5.6\"}]}");

    var result = client.getSubscriptions();

    expect(api.take(), "getSubscriptions", "GET", "/subscriptions", Map.of());
    assertEquals("https://bot.example/hook", result.subscriptions().get(0).url());
  }

  @Test
  void subscribe() throws Exception {
    api.reply(OK);

    client.subscribe(new SubscriptionRequestBody(
        "https://bot.example/hook", List.of("message_created"), "0.5.6", null));

    RecordedRequest request = api.take();
    expect(request, "subscribe", "POST", "/subscriptions", Map.of());
    assertJson("{\"url\":\"https://bot.example/hook\",\"update_types\":[\"message_created\"],"
        + "\"version\":\"0.5.6\"}", request);
  }

  @Test
  void unsubscribe() throws Exception {
    api.reply(OK);

    client.unsubscribe("https://bot.example/hook?a=b");

    RecordedRequest request = api.take();
    expect(request, "unsubscribe", "DELETE", "/subscriptions",
        Map.of("url", "https://bot.example/hook?a=b"));
  }

  @Test
  void getUploadUrl() throws Exception {
    api.reply("{\"url\":\"https://vu.example/upload?id=1\"}");

    var endpoint = client.getUploadUrl(UploadType.VIDEO);

    expect(api.take(), "getUploadUrl", "POST", "/uploads", Map.of("type", "video"));
    assertEquals("https://vu.example/upload?id=1", endpoint.url());
  }

  @Test
  void getMessagesOfAChat() throws Exception {
    api.reply("{\"messages\":[" + MESSAGE + "]}");

    var list = client.getMessages(MessagesQuery.inChat(5).from(200).to(100).count(10));

    expect(api.take(), "getMessages", "GET", "/messages",
        Map.of("chat_id", "5", "from", "200", "to", "100", "count", "10"));
    assertEquals("mid.1", list.messages().get(0).body().mid());
  }

  @Test
  void getMessagesByIds() throws Exception {
    api.reply("{\"messages\":[]}");

    client.getMessages(MessagesQuery.byIds(List.of("mid.1", "mid.2")));

    expect(api.take(), "getMessages", "GET", "/messages",
        Map.of("message_ids", "mid.1,mid.2", "count", "50"));
  }

  @Test
  void sendMessageToAChat() throws Exception {
    api.reply("{\"message\":" + MESSAGE + "}");
    NewMessageBody body = NewMessageBody.of("*Pick* one", TextFormat.MARKDOWN,
        List.of(InlineKeyboardAttachmentRequest.of(List.of(List.of(
            CallbackButton.of("Yes", "answer:yes"))))));

    Message sent = client.sendMessage(MessageTarget.chat(5), body).message();

    RecordedRequest request = api.take();
    expect(request, "sendMessage", "POST", "/messages", Map.of("chat_id", "5"));
    assertJson("{\"text\":\"*Pick* one\",\"format\":\"markdown\",\"attachments\":[{"
        + "\"type\":\"inline_keyboard\",\"payload\":{\"buttons\":[[{\"type\":\"callback\","
        + "\"text\":\"Yes\",\"payload\":\"answer:yes\"}]]}}]}", request);
    assertEquals("mid.1", sent.body().mid());
  }

  @Test
  void sendMessageToAUserWithoutLinkPreview() throws Exception {
    api.reply("{\"message\":" + MESSAGE + "}");

    client.sendMessage(MessageTarget.user(7).withoutLinkPreview(),
        NewMessageBody.text("see https://example.org"));

    RecordedRequest request = api.take();
    expect(request, "sendMessage", "POST", "/messages",
        Map.of("user_id", "7", "disable_link_preview", "true"));
    assertJson("{\"text\":\"see https://example.org\"}", request);
  }

  @Test
  void editMessage() throws Exception {
    api.reply(OK);

    client.editMessage("mid.1", NewMessageBody.text("edited"));

    RecordedRequest request = api.take();
    expect(request, "editMessage", "PUT", "/messages", Map.of("message_id", "mid.1"));
    assertJson("{\"text\":\"edited\"}", request);
  }

  @Test
  void deleteMessage() throws Exception {
    api.reply(OK);

    client.deleteMessage("mid.1");

    expect(api.take(), "deleteMessage", "DELETE", "/messages", Map.of("message_id", "mid.1"));
  }

  @Test
  void getMessageById() throws Exception {
    api.reply(MESSAGE);

    Message message = client.getMessageById("mid.1");

    expect(api.take(), "getMessageById", "GET", "/messages/mid.1", Map.of(), "messageId");
    assertEquals("hello", message.body().text());
    assertEquals(5L, message.chatId().orElseThrow());
  }

  @Test
  void answerOnCallback() throws Exception {
    api.reply(OK);

    client.answerOnCallback("cb.1", CallbackAnswer.notification("Saved"));

    RecordedRequest request = api.take();
    expect(request, "answerOnCallback", "POST", "/answers", Map.of("callback_id", "cb.1"));
    assertJson("{\"notification\":\"Saved\"}", request);
  }

  @Test
  void construct() throws Exception {
    api.reply(OK);

    client.construct("s.1", new ConstructorAnswer(List.of(), true, "Type a name", "step=2",
        null, "Name"));

    RecordedRequest request = api.take();
    expect(request, "construct", "POST", "/answers/constructor", Map.of("session_id", "s.1"));
    assertJson("{\"messages\":[],\"allow_user_input\":true,\"hint\":\"Type a name\","
        + "\"data\":\"step=2\",\"placeholder\":\"Name\"}", request);
  }

  @Test
  void getUpdates() throws Exception {
    api.reply("{\"updates\":[{\"update_type\":\"message_created\",\"timestamp\":100,"
        + "\"message\":" + MESSAGE + "}],\"marker\":6}");

    UpdateList updates = client.getUpdates(UpdatesRequest.defaults().withMarker(5L)
        .withTypes(Set.of("message_created", "message_callback")));

    expect(api.take(), "getUpdates", "GET", "/updates", Map.of("limit", "100", "timeout", "30",
        "marker", "5", "types", "message_callback,message_created"));
    MessageCreatedUpdate update = assertInstanceOf(MessageCreatedUpdate.class,
        updates.updates().get(0));
    assertEquals("hello", update.message().body().text());
    assertEquals(6L, updates.marker());
  }

  @Test
  void getUpdatesAsksForTheTypesOfEachRequestWhenAPollerChangesThem() throws Exception {
    String empty = "{\"updates\":[],\"marker\":6}";
    api.reply(empty);
    api.reply(empty);
    api.reply(empty);

    client.getUpdates(UpdatesRequest.defaults().withTypes(Set.of("message_created", "bot_started")));
    client.getUpdates(UpdatesRequest.defaults().withTypes(Set.of("message_callback")));
    client.getUpdates(UpdatesRequest.defaults());

    assertEquals("bot_started,message_created", api.take().getUrl().queryParameter("types"));
    assertEquals("message_callback", api.take().getUrl().queryParameter("types"));
    assertNull(api.take().getUrl().queryParameter("types"));
  }
}
