package io.ttscenes.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.api.model.ActionRequestBody;
import io.ttscenes.api.model.Attachment;
import io.ttscenes.api.model.AttachmentRequest;
import io.ttscenes.api.model.BotAddedToChatUpdate;
import io.ttscenes.api.model.Button;
import io.ttscenes.api.model.CallbackButton;
import io.ttscenes.api.model.ChatButton;
import io.ttscenes.api.model.ConstructorInput;
import io.ttscenes.api.model.InlineKeyboardAttachmentRequest;
import io.ttscenes.api.model.Intent;
import io.ttscenes.api.model.LinkButton;
import io.ttscenes.api.model.MarkupElement;
import io.ttscenes.api.model.MessageBody;
import io.ttscenes.api.model.MessageCreatedUpdate;
import io.ttscenes.api.model.NewMessageBody;
import io.ttscenes.api.model.RequestContactButton;
import io.ttscenes.api.model.RequestGeoLocationButton;
import io.ttscenes.api.model.SenderAction;
import io.ttscenes.api.model.TextFormat;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.model.User;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Hand-built instances of every model type survive serialize-then-parse unchanged. */
final class ModelRoundTripTest {
  private static final ObjectMapper MAPPER = WireJson.create();
  private static final List<Class<?>> FAMILIES = List.of(Update.class, Attachment.class,
      AttachmentRequest.class, Button.class, MarkupElement.class, ConstructorInput.class);

  @TestFactory
  Stream<DynamicTest> everyKnownTypeRoundTrips() {
    return ModelFixtures.all().stream().map(value -> DynamicTest.dynamicTest(
        value.getClass().getSimpleName(), () -> {
          String json = MAPPER.writeValueAsString(value);
          assertEquals(value, MAPPER.readValue(json, value.getClass()), json);
          for (Class<?> family : FAMILIES) {
            if (family.isInstance(value)) {
              assertEquals(value, MAPPER.readValue(json, family),
                  "read as " + family.getSimpleName());
            }
          }
        }));
  }

  @Test
  void fixturesCoverEveryRecordOfTheModel() {
    Set<Class<?>> covered = ModelFixtures.all().stream().map(Object::getClass)
        .collect(Collectors.toSet());
    List<String> missing = ModelClasses.all().stream()
        .filter(Class::isRecord)
        .filter(c -> !c.getSimpleName().startsWith("Unknown"))
        .filter(c -> !covered.contains(c))
        .map(Class::getSimpleName)
        .sorted()
        .toList();
    assertEquals(List.of(), missing, "records without a round-trip fixture");
  }

  @ParameterizedTest
  @EnumSource(value = TextFormat.class, names = {"MARKDOWN", "HTML"})
  void newMessageBodyWithFormatAndEveryButtonTypeHasTheWireShape(TextFormat format)
      throws IOException {
    NewMessageBody body = NewMessageBody.of("**bold**", format, List.of(
        InlineKeyboardAttachmentRequest.of(List.of(
            List.of(CallbackButton.of("Yes", "answer:yes", Intent.POSITIVE),
                LinkButton.of("Docs", "https://example.org/docs")),
            List.of(RequestContactButton.of("Share contact"),
                RequestGeoLocationButton.of("Share location"),
                ChatButton.of("Discuss", "Discussion"))))));
    JsonNode tree = MAPPER.valueToTree(body);

    assertEquals(format.name().toLowerCase(), tree.get("format").asText());
    assertEquals("**bold**", tree.get("text").asText());
    JsonNode keyboard = tree.at("/attachments/0");
    assertEquals("inline_keyboard", keyboard.get("type").asText());
    assertEquals(List.of("callback", "link", "request_contact", "request_geo_location", "chat"),
        keyboard.at("/payload/buttons").findValues("type").stream().map(JsonNode::asText).toList());
    assertEquals("positive", keyboard.at("/payload/buttons/0/0/intent").asText());
    assertEquals("answer:yes", keyboard.at("/payload/buttons/0/0/payload").asText());
    assertEquals("Discussion", keyboard.at("/payload/buttons/1/2/chat_title").asText());
    assertEquals(body, MAPPER.treeToValue(tree, NewMessageBody.class));
  }

  @Test
  void routingAccessorsAreNotWrittenAsFields() {
    assertEquals(List.of("timestamp", "message", "user_locale", "update_type"),
        fieldNames(new MessageCreatedUpdate(1L, ModelFixtures.MESSAGE, "en")));
    assertEquals(List.of("timestamp", "chat_id", "user", "is_channel", "update_type"),
        fieldNames(new BotAddedToChatUpdate(1L, 2L, ModelFixtures.USER, true)));
    assertEquals(List.of("sender", "recipient", "timestamp", "link", "body", "stat", "url",
        "constructor"), fieldNames(ModelFixtures.MESSAGE));
  }

  private static List<String> fieldNames(Object value) {
    List<String> names = new ArrayList<>();
    MAPPER.valueToTree(value).fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void plainTextMessageOmitsEveryUnsetField() throws IOException {
    assertEquals("{\"text\":\"hi\"}", MAPPER.writeValueAsString(NewMessageBody.text("hi")));
  }

  @Test
  void missingListsReadAsEmptyAndExtraFieldsAreIgnored() throws IOException {
    MessageBody body = MAPPER.readValue(
        "{\"mid\":\"m\",\"seq\":1,\"text\":\"t\",\"reactions\":{\"x\":1}}", MessageBody.class);
    assertEquals(List.of(), body.attachments());
    assertEquals(List.of(), body.markup());
    User user = MAPPER.readValue(
        "{\"user_id\":5,\"first_name\":\"Jo\",\"last_name\":\"X\",\"name\":\"Jo X\"}", User.class);
    assertEquals(new User(5L, "Jo X", null, false, 0L), user);
  }

  @Test
  void unknownEnumValueReadsAsUnknown() throws IOException {
    ActionRequestBody body = MAPPER.readValue("{\"action\":\"recording_voice\"}",
        ActionRequestBody.class);
    assertEquals(SenderAction.UNKNOWN, body.action());
    assertEquals("mark_seen", MAPPER.valueToTree(new ActionRequestBody(SenderAction.MARK_SEEN))
        .get("action").asText());
  }

  @Test
  void listsOfTheModelCannotBeModified() throws IOException {
    MessageBody body = MAPPER.readValue(MAPPER.writeValueAsString(ModelFixtures.BODY),
        MessageBody.class);
    assertInstanceOf(List.class, body.attachments());
    assertTrue(isUnmodifiable(body.attachments()), "attachments must be unmodifiable");
  }

  private static boolean isUnmodifiable(List<Attachment> list) {
    try {
      list.add(null);
      return false;
    } catch (UnsupportedOperationException expected) {
      return true;
    }
  }
}
