package io.ttscenes.runtime.json;

import io.ttscenes.api.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One hand-built, fully populated instance of every record in the wire model. */
final class ModelFixtures {
  private ModelFixtures() {}

  static final User USER = new User(42L, "Ann Lee", "ann", false, 1700000000000L);
  static final UserWithPhoto USER_WITH_PHOTO =
      new UserWithPhoto(42L, "Ann Lee", null, false, 1L, "about Ann", "a.png", "a.full.png");
  static final Recipient RECIPIENT = new Recipient(-100L, ChatType.CHAT, null);
  static final PhotoAttachmentPayload PHOTO = new PhotoAttachmentPayload(7L, "ptok", "https://p/7");
  static final KeyboardPayload KEYBOARD = new KeyboardPayload(List.of(
      List.of(CallbackButton.of("Yes", "yes", Intent.POSITIVE), CallbackButton.of("No", "no")),
      List.of(LinkButton.of("Site", "https://example.org")),
      List.of(RequestContactButton.of("Contact"), new RequestGeoLocationButton("Where", true)),
      List.of(new ChatButton("Discuss", "Topic", "a chat", "start", 5))));
  static final List<MarkupElement> MARKUP = List.of(
      new StrongMarkup(0, 1), new EmphasizedMarkup(1, 1), new MonospacedMarkup(2, 1),
      new LinkMarkup(3, 1, "https://l"), new StrikethroughMarkup(4, 1), new UnderlineMarkup(5, 1),
      new UserMentionMarkup(6, 1, "@ann", 42L), new HeadingMarkup(7, 1),
      new HighlightedMarkup(8, 1));
  static final List<Attachment> ATTACHMENTS = List.of(
      new PhotoAttachment(PHOTO),
      new VideoAttachment(new MediaAttachmentPayload("https://v", "vtok"), PHOTO, 640, 480, 12),
      new AudioAttachment(new MediaAttachmentPayload("https://a", "atok")),
      new FileAttachment(new FileAttachmentPayload("https://f", "ftok"), "doc.pdf", 2048L),
      new StickerAttachment(new StickerAttachmentPayload("https://s", "smile"), 128, 128),
      new ContactAttachment(new ContactAttachmentPayload("BEGIN:VCARD", USER)),
      new InlineKeyboardAttachment(KEYBOARD),
      new ShareAttachment(new ShareAttachmentPayload("https://sh", null), "t", "d", "https://i"),
      new LocationAttachment(55.7558, 37.6173));
  static final MessageBody BODY =
      new MessageBody("mid.1", 9L, "hello world", ATTACHMENTS, MARKUP);
  static final LinkedMessage LINKED = new LinkedMessage(MessageLinkType.REPLY, USER, -5L, BODY);
  static final Message MESSAGE = new Message(USER, RECIPIENT, 1L, LINKED, BODY,
      new MessageStat(3), "https://m", USER);
  static final Chat CHAT = new Chat(-100L, ChatType.CHAT, ChatStatus.ACTIVE, "Team",
      new Image("https://icon"), 2L, 3, 42L, Map.of("42", 5L), false, "https://join", "desc",
      USER_WITH_PHOTO, 10, "mid.0", MESSAGE);
  static final List<AttachmentRequest> REQUESTS = List.of(
      PhotoAttachmentRequest.url("https://img"),
      new PhotoAttachmentRequest(new PhotoAttachmentRequestPayload(null, null,
          Map.of("big", new PhotoToken("t1")))),
      VideoAttachmentRequest.token("v"), AudioAttachmentRequest.token("a"),
      FileAttachmentRequest.token("f"), StickerAttachmentRequest.code("smile"),
      new ContactAttachmentRequest(new ContactAttachmentRequestPayload("Bob", 7L, "VCF", "+1")),
      InlineKeyboardAttachmentRequest.of(KEYBOARD.buttons()),
      new LocationAttachmentRequest(1.5, -2.25), ShareAttachmentRequest.url("https://share"));
  static final ConstructedMessageBody CONSTRUCTED_BODY =
      new ConstructedMessageBody("draft", REQUESTS, MARKUP, TextFormat.HTML);

  /** Every record of the model (families and wrappers), each exactly once per concrete type. */
  static List<Object> all() {
    List<Object> all = new ArrayList<>(List.of(
        USER, USER_WITH_PHOTO,
        new BotInfo(1L, "bot", "bot", true, 2L, "d", "a", "f",
            List.of(BotCommand.of("start", "go"))),
        new BotPatch("bot", "desc", List.of(),
            new PhotoAttachmentRequestPayload("https://p", null, null)),
        BotCommand.of("help", null), CHAT, new ChatList(List.of(CHAT), 77L),
        new ChatPatch(new PhotoAttachmentRequestPayload(null, "tok", null), "T", "mid.1", false),
        new ChatMember(1L, "m", null, false, 2L, null, null, null, 3L, true, true, 4L,
            List.of(ChatAdminPermission.WRITE, ChatAdminPermission.PIN_MESSAGE)),
        new ChatMembersList(List.of(), null), new Image("https://i"),
        new Subscription("https://hook", 5L, List.of("message_created"), "0.5.6"),
        RECIPIENT, MESSAGE, new ConstructedMessage(USER, 6L, LINKED, BODY), new MessageStat(1),
        BODY,
        new MessageList(List.of(MESSAGE)),
        NewMessageBody.of("*hi*", TextFormat.MARKDOWN, REQUESTS)
            .withLink(MessageLinkType.REPLY, "mid.1"),
        CONSTRUCTED_BODY, new NewMessageLink(MessageLinkType.FORWARD, "mid.2"), LINKED,
        new SendMessageResult(MESSAGE), PHOTO, new AttachmentPayload("https://u"),
        new MediaAttachmentPayload("https://u", "t"), new FileAttachmentPayload("https://u", "t"),
        new ContactAttachmentPayload(null, USER), new StickerAttachmentPayload("https://u", "c"),
        new ShareAttachmentPayload(null, "tok"), KEYBOARD,
        new PhotoAttachmentRequestPayload("https://u", null, null), new PhotoToken("t"),
        new PhotoTokens(Map.of("a", new PhotoToken("t"))), new UploadedInfo("t"),
        new ContactAttachmentRequestPayload("Bob", null, null, null),
        new StickerAttachmentRequestPayload("c"),
        new InlineKeyboardAttachmentRequestPayload(KEYBOARD.buttons()),
        new SubscriptionRequestBody("https://hook", List.of("bot_started"), "0.5.6", null),
        new GetSubscriptionsResult(List.of(new Subscription("https://h", 1L, List.of(), null))),
        new SimpleQueryResult(false, "nope"), new PinMessageBody("mid.3", true),
        new GetPinnedMessageResult(MESSAGE),
        new Callback(8L, "cb.1", "yes", USER),
        new CallbackAnswer(NewMessageBody.text("done").withNotify(false), "saved"),
        new ConstructorAnswer(List.of(CONSTRUCTED_BODY), true, "hint", "{\"step\":2}", KEYBOARD,
            "type"),
        new ApiError("err", "attachment.not.ready", "wait"), new UploadEndpoint("https://up"),
        UserIdsList.of(List.of(1L, 2L)), new ActionRequestBody(SenderAction.TYPING_ON),
        new UpdateList(updates(), 99L),
        new UnreadableUpdate("message_created", "{\"timestamp\":\"soon\"}", "InvalidFormatException at timestamp"),
        new CallbackConstructorInput("pressed"),
        new MessageConstructorInput(List.of(CONSTRUCTED_BODY))));
    all.addAll(ATTACHMENTS);
    all.addAll(REQUESTS);
    all.addAll(MARKUP);
    KEYBOARD.buttons().forEach(all::addAll);
    all.addAll(updates());
    return all;
  }

  static List<Update> updates() {
    return List.of(
        new MessageCreatedUpdate(10L, MESSAGE, "en"),
        new MessageCallbackUpdate(11L, new Callback(8L, "cb.1", "yes", USER), MESSAGE, "de"),
        new MessageEditedUpdate(12L, MESSAGE),
        new MessageRemovedUpdate(13L, "mid.1", -100L, 42L),
        new BotAddedToChatUpdate(14L, -100L, USER, true),
        new BotRemovedFromChatUpdate(15L, -100L, USER, false),
        new UserAddedToChatUpdate(16L, -100L, USER, 43L, false),
        new UserRemovedFromChatUpdate(17L, -100L, USER, 44L, true),
        new BotStartedUpdate(18L, 200L, USER, "ref-7", "ru"),
        new ChatTitleChangedUpdate(19L, -100L, USER, "New title"),
        new MessageConstructionRequest(20L, USER_WITH_PHOTO, "en", "sess-1", "{}",
            new CallbackConstructorInput("next")),
        new MessageConstructedUpdate(21L, "sess-1", new ConstructedMessage(USER, 6L, null, BODY)),
        new MessageChatCreatedUpdate(22L, CHAT, "mid.9", "start"));
  }
}
