package io.ttscenes.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.api.model.ConstructorInput;
import io.ttscenes.api.model.InlineKeyboardAttachment;
import io.ttscenes.api.model.Message;
import io.ttscenes.api.model.MessageConstructionRequest;
import io.ttscenes.api.model.MessageConstructorInput;
import io.ttscenes.api.model.NewMessageBody;
import io.ttscenes.api.model.UnknownAttachment;
import io.ttscenes.api.model.UnknownAttachmentRequest;
import io.ttscenes.api.model.UnknownButton;
import io.ttscenes.api.model.UnknownConstructorInput;
import io.ttscenes.api.model.UnknownMarkup;
import io.ttscenes.api.model.UnknownUpdate;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.model.UpdateList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Types the model does not know keep their JSON: parsing and writing them back gives the same
 * tree (field order and whitespace aside), and known samples survive a parse-write-parse.
 */
final class UnknownVariantsRoundTripTest {
  private static final ObjectMapper MAPPER = WireJson.create();

  @TestFactory
  Stream<DynamicTest> maxOnlyUpdatesWriteBackExactlyAsReceived() throws IOException {
    return MaxWireSamplesTest.samples().stream()
        .filter(f -> name(f).matches("(update|webhook)\\.(bot_stopped|dialog_.*)\\.json"))
        .map(f -> DynamicTest.dynamicTest(name(f), () -> {
          JsonNode original = MAPPER.readTree(f.toFile());
          Object parsed = MAPPER.readValue(f.toFile(), MaxWireSamplesTest.typeOf(f));
          assertEquals(original, written(parsed));
        }));
  }

  @TestFactory
  Stream<DynamicTest> everySampleSurvivesParseWriteParse() throws IOException {
    return MaxWireSamplesTest.samples().stream().map(f -> DynamicTest.dynamicTest(name(f), () -> {
      Class<?> type = MaxWireSamplesTest.typeOf(f);
      Object parsed = MAPPER.readValue(f.toFile(), type);
      assertEquals(parsed, MAPPER.readValue(MAPPER.writeValueAsString(parsed), type));
    }));
  }

  @Test
  void unknownAttachmentButtonAndMarkupInsideAMessageWriteBackUnchanged() throws IOException {
    String json = """
        {"recipient": {"chat_id": 5, "chat_type": "dialog", "user_id": 6},
         "timestamp": 7,
         "body": {"mid": "mid.1", "seq": 8, "text": "look",
           "attachments": [
             {"type": "inline_keyboard", "payload": {"buttons": [[
               {"type": "callback", "text": "Ok", "payload": "ok"},
               {"type": "open_app", "text": "App", "web_app": "shop", "contact_id": null,
                "size": {"w": 1.5, "h": [1, 2, 3]}}]]}},
             {"type": "sticker_pack", "payload": {"ids": [1, 2]}, "nothing": null,
              "big": 9007199254740993}],
           "markup": [
             {"type": "strong", "from": 0, "length": 2},
             {"type": "spoiler", "from": 1, "length": 3, "style": {"blur": true}}]}}
        """;
    Message message = MAPPER.readValue(json, Message.class);

    var keyboard = assertInstanceOf(InlineKeyboardAttachment.class,
        message.body().attachments().get(0));
    var button = assertInstanceOf(UnknownButton.class, keyboard.payload().buttons().get(0).get(1));
    assertEquals("open_app", button.type());
    assertEquals("App", button.text());
    var attachment = assertInstanceOf(UnknownAttachment.class, message.body().attachments().get(1));
    assertEquals("sticker_pack", attachment.type());
    var markup = assertInstanceOf(UnknownMarkup.class, message.body().markup().get(1));
    assertEquals("spoiler", markup.type());
    assertEquals(1, markup.from());
    assertEquals(3, markup.length());
    assertEquals(MAPPER.readTree(json), written(message));
  }

  @Test
  void unknownAttachmentRequestWritesBackUnchanged() throws IOException {
    String json = """
        {"text": "hi", "attachments": [{"type": "poll", "payload": {"question": "?",
          "options": ["a", "b"], "anonymous": false, "closes": null}}]}
        """;
    NewMessageBody body = MAPPER.readValue(json, NewMessageBody.class);
    var request = assertInstanceOf(UnknownAttachmentRequest.class, body.attachments().get(0));
    assertEquals("poll", request.type());
    assertEquals(MAPPER.readTree(json), written(body));
  }

  @Test
  void unknownConstructorInputWritesBackUnchanged() throws IOException {
    String json = """
        {"update_type": "message_construction_request", "timestamp": 3, "session_id": "s",
         "user": {"user_id": 1, "name": "A", "is_bot": false, "last_activity_time": 2},
         "input": {"input_type": "voice", "duration": 4.25}}
        """;
    var request = assertInstanceOf(MessageConstructionRequest.class,
        MAPPER.readValue(json, Update.class));
    var input = assertInstanceOf(UnknownConstructorInput.class, request.input());
    assertEquals("voice", input.inputType());
    assertEquals(MAPPER.readTree(json), written(request));
  }

  @Test
  void knownConstructorInputKeepsItsMessages() throws IOException {
    String json = """
        {"input_type": "message", "messages": [{"text": "draft"}]}
        """;
    var input = assertInstanceOf(MessageConstructorInput.class,
        MAPPER.readValue(json, ConstructorInput.class));
    assertEquals("draft", input.messages().get(0).text());
  }

  @Test
  void unknownUpdateInAPageKeepsNestedStructureAndNulls() throws IOException {
    String json = """
        {"updates": [{"update_type": "message_reaction", "timestamp": 11,
          "message": {"recipient": {"chat_id": -9}}, "reaction": null, "emoji": ["+1"]}],
         "marker": 12}
        """;
    UpdateList page = MAPPER.readValue(json, UpdateList.class);
    var update = assertInstanceOf(UnknownUpdate.class, page.updates().get(0));
    assertEquals("message_reaction", update.updateType());
    assertEquals(11L, update.timestamp());
    assertEquals(Optional.of(-9L), update.chatId());
    assertEquals(Optional.empty(), update.user());
    assertEquals(MAPPER.readTree(json), written(page));
  }

  /** Writes then re-reads, so numbers get the same node types as in the parsed original. */
  private static JsonNode written(Object value) throws IOException {
    return MAPPER.readTree(MAPPER.writeValueAsString(value));
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }
}
