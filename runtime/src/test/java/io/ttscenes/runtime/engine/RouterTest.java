package io.ttscenes.runtime.engine;

import static io.ttscenes.runtime.engine.TestUpdates.*;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.SessionKeys;
import io.ttscenes.api.model.BotStartedUpdate;
import io.ttscenes.api.model.CallbackConstructorInput;
import io.ttscenes.api.model.ChatTitleChangedUpdate;
import io.ttscenes.api.model.ConstructedMessageBody;
import io.ttscenes.api.model.MessageConstructionRequest;
import io.ttscenes.api.model.MessageConstructorInput;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.model.UserAddedToChatUpdate;
import io.ttscenes.api.model.UserRemovedFromChatUpdate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class RouterTest {

  @Test
  void aStrategyGivingAnEmptyOrNullKeyIsRefusedWhereTheKeyIsMadeNamingIt() {
    io.ttscenes.api.SessionKeyStrategy empty = update -> "";
    io.ttscenes.api.SessionKeyStrategy none = update -> null;

    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new Router(empty).route(text(1, 1, "hi")));
    IllegalArgumentException n = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new Router(none).route(text(1, 1, "hi")));

    assertTrue(e.getMessage().contains("gave an empty key for a message_created update"), e.getMessage());
    assertTrue(n.getMessage().contains("gave null for a message_created update"), n.getMessage());
  }

  @Test
  void constructorInputsOfOneSessionInTheSameMillisecondAreNotDuplicates() {
    MessageConstructionRequest first = constructorText(1, "sess", "Question?");
    MessageConstructionRequest second = new MessageConstructionRequest(first.timestamp(),
        first.requester(), first.locale(), "sess", null,
        new MessageConstructorInput(List.of(new ConstructedMessageBody("Option A", List.of(), null, null))));
    MessageConstructionRequest pressed = new MessageConstructionRequest(first.timestamp(),
        first.requester(), first.locale(), "sess", null, new CallbackConstructorInput("done"));
    MessageConstructionRequest again = new MessageConstructionRequest(first.timestamp(),
        first.requester(), first.locale(), "sess", null,
        new MessageConstructorInput(List.of(new ConstructedMessageBody("Question?", List.of(), null, null))));

    Set<String> ids = Set.of(Router.dedupeId(first).toString(), Router.dedupeId(second).toString(),
        Router.dedupeId(pressed).toString());
    assertEquals(3, ids.size(), "typed, typed otherwise and pressed in one millisecond: " + ids);
    assertEquals(Router.dedupeId(first).toString(), Router.dedupeId(again).toString(), "a redelivery keeps its id");
  }

  @Test
  void dedupeIdsFollowWhatIdentifiesEachEvent() {
    assertEquals("mid:mid.7", Router.dedupeId(textWithMid(1, 10, "mid.7", "hi")).toString());
    assertEquals("cb:cb-1", Router.dedupeId(callbackWithId(1, 10, "cb-1", "x")).toString());
    Update edit = edited(1, 10, "mid.7", "fixed");
    assertEquals("edit:mid.7:" + edit.timestamp(), Router.dedupeId(edit).toString());
    Update request = constructorButton(1, "sess", "p");
    assertEquals("cs:sess:message_construction_request:" + request.timestamp() + ":"
        + Integer.toHexString("press:p".hashCode()), Router.dedupeId(request).toString());
    Update started = botStarted(1, 10, "promo");
    assertEquals("bot_started:10:1:" + started.timestamp() + ":promo", Router.dedupeId(started).toString());
    Update plainStart = botStarted(1, 10, null);
    assertEquals("bot_started:10:1:" + plainStart.timestamp(), Router.dedupeId(plainStart).toString());
    assertEquals("rm:mid.7", Router.dedupeId(removed(3, 10, "mid.7")).toString());
    Update title = titleChanged(2, 10, "News: daily");
    assertEquals("chat_title_changed:10:2:" + title.timestamp() + ":News: daily", Router.dedupeId(title).toString());
    Update added = userAdded(5, 10);
    assertEquals("user_added:10:5:" + added.timestamp(), Router.dedupeId(added).toString());
    Update unknown = unknown("dialog_muted", 4, 20);
    assertEquals("dialog_muted:20:4:" + unknown.timestamp(), Router.dedupeId(unknown).toString());
  }

  @Test
  void equalEventsGetEqualIdsAndDifferentOnesDiffer() {
    assertEquals(Router.dedupeId(textWithMid(1, 10, "m", "a")), Router.dedupeId(textWithMid(1, 10, "m", "a")));
    assertNotEquals(Router.dedupeId(botStarted(1, 10, null)), Router.dedupeId(botStarted(1, 10, null)));
  }

  @Test
  void eventsOfOneChatUserAndMillisecondStillDifferByWhatTheyAreAbout() {
    long at = 1_775_025_604_499L;
    assertNotEquals(
        Router.dedupeId(new ChatTitleChangedUpdate(at, 10, user(2), "Old")),
        Router.dedupeId(new ChatTitleChangedUpdate(at, 10, user(2), "New")));
    assertNotEquals(
        Router.dedupeId(new UserAddedToChatUpdate(at, 10, user(5), 2L, false)),
        Router.dedupeId(new UserAddedToChatUpdate(at, 10, user(6), 2L, false)));
    assertNotEquals(
        Router.dedupeId(new UserRemovedFromChatUpdate(at, 10, user(5), 2L, false)),
        Router.dedupeId(new UserRemovedFromChatUpdate(at, 10, user(6), 2L, false)));
    assertNotEquals(
        Router.dedupeId(new BotStartedUpdate(at, 10, user(2), "a", null)),
        Router.dedupeId(new BotStartedUpdate(at, 10, user(2), "b", null)));
  }

  @Test
  void sessionKeysFollowTheStrategy() {
    Update message = text(1, 10, "hi");
    assertEquals("u:1:c:10", SessionKeys.USER_IN_CHAT.keyOf(message));
    assertEquals("c:10", SessionKeys.CHAT.keyOf(message));
    assertEquals("u:1", SessionKeys.USER.keyOf(message));
    assertEquals("u:1:c:10", SessionKeys.CONSTRUCTOR_SESSION.keyOf(message));
    assertEquals("cs:sess-9", SessionKeys.CONSTRUCTOR_SESSION.keyOf(constructorText(1, "sess-9", "x")));
    assertEquals("u:1", SessionKeys.USER_IN_CHAT.keyOf(constructorText(1, "sess-9", "x")));
    assertEquals("c:300", SessionKeys.USER_IN_CHAT.keyOf(chatCreated(300, null)));
    assertEquals("u:5:c:10", SessionKeys.USER_IN_CHAT.keyOf(callback(5, 10, "p")));
    assertEquals("u:3:c:10", SessionKeys.USER_IN_CHAT.keyOf(removed(3, 10, "m")));
  }

  @Test
  void outboxPayloadRoundTripsThroughJson() {
    var mapper = io.ttscenes.runtime.json.WireJson.create();
    OutboxCodec outboxes = new OutboxCodec(mapper);
    OutboxPayload payload = new OutboxPayload(42L, "mid:1", java.util.List.of(
        new Effect.Send(io.ttscenes.api.client.MessageTarget.chat(10),
            io.ttscenes.api.OutgoingMessage.text("*hi*").markdown().silent()
                .keyboard(io.ttscenes.api.keyboard.Keyboard.inline().withRow(
                    io.ttscenes.api.keyboard.Keyboard.callback("Go", "go"))).body()),
        new Effect.Answer("cb-1", io.ttscenes.api.model.CallbackAnswer.notification("Noted")),
        new Effect.Edit("mid.1", io.ttscenes.api.OutgoingMessage.text("edited").body()),
        new Effect.Delete("mid.2"),
        new Effect.Action(10, io.ttscenes.api.model.SenderAction.TYPING_ON),
        new Effect.Construct("sess", new io.ttscenes.api.model.ConstructorAnswer(
            java.util.List.of(), true, "hint", "data", null, null))), "instance-a");
    OutboxCodec.Encoded encoded = outboxes.encode(payload);
    String json = encoded.json();
    assertTrue(json.contains("\"effect\":\"send\""), json);
    assertEquals(payload, outboxes.decode(json));
    assertEquals(assertDoesNotThrow(() -> mapper.writeValueAsString(payload)), json,
        "the payload is the JSON Jackson writes for it");
    Effect.Send send = (Effect.Send) encoded.effects().get(0);
    assertEquals(assertDoesNotThrow(() -> mapper.writeValueAsString(send.body())), send.wireBody(),
        "the message body is sent as written into the payload");
    assertEquals(payload.effects().subList(1, 6), encoded.effects().subList(1, 6));
    OutboxPayload unowned = new OutboxPayload(7L, "mid:2", payload.effects(), null);
    assertEquals(assertDoesNotThrow(() -> mapper.writeValueAsString(unowned)),
        outboxes.encode(unowned).json());
    // Entries written before owners were stamped have no owner field and read as unowned.
    assertEquals(null, outboxes.decode("{\"createdAt\":42,\"updateId\":\"mid:1\",\"effects\":[]}").owner());
  }

  @Test
  void continuationsRoundTripThroughTheOutboxAndPlainCallsCarryNone() {
    var mapper = io.ttscenes.runtime.json.WireJson.create();
    OutboxCodec codec = new OutboxCodec(mapper);
    Continuation then = new Continuation("posted", mapper.valueToTree(java.util.Map.of("ticket", 42)), "u:1#mid:9#0", new SignalOrder(1, 0));
    OutboxPayload payload = new OutboxPayload(42L, "mid:9", java.util.List.of(
        new Effect.Send(io.ttscenes.api.client.MessageTarget.chat(10),
            io.ttscenes.api.OutgoingMessage.text("ticket").body()).withThen(then),
        new Effect.Edit("mid.1", io.ttscenes.api.OutgoingMessage.text("edited").body()).withThen(then),
        new Effect.Send(io.ttscenes.api.client.MessageTarget.chat(10),
            io.ttscenes.api.OutgoingMessage.text("plain").body())), "instance-a");
    String json = codec.encode(payload).json();
    assertEquals(payload, codec.decode(json));
    assertEquals(2, json.split("\"then\"", -1).length - 1, json);
  }
}
