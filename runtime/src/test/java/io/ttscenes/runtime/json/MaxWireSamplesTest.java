package io.ttscenes.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.api.model.ApiError;
import io.ttscenes.api.model.BotInfo;
import io.ttscenes.api.model.Chat;
import io.ttscenes.api.model.ChatAdminPermission;
import io.ttscenes.api.model.ChatList;
import io.ttscenes.api.model.ChatMember;
import io.ttscenes.api.model.ChatMembersList;
import io.ttscenes.api.model.GetPinnedMessageResult;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.model.UpdateList;
import io.ttscenes.api.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every MAX wire sample parses with {@link WireJson} into the type its name says. */
final class MaxWireSamplesTest {
  private static final ObjectMapper MAPPER = WireJson.create();

  private static final Map<String, Class<?>> RESPONSES = Map.of(
      "botInfo.ok", BotInfo.class,
      "get-chats", ChatList.class,
      "get-chat-by-id", Chat.class,
      "chat-path-result", Chat.class,
      "dialog-with-user", Chat.class,
      "get-admins", ChatMembersList.class,
      "get-members", ChatMembersList.class,
      "get-membership", ChatMember.class,
      "get-pin-message", GetPinnedMessageResult.class);

  @TestFactory
  Stream<DynamicTest> everySampleParsesIntoItsType() throws IOException {
    List<Path> files = samples();
    assertTrue(files.size() >= 40, "expected the 41 samples, found " + files.size());
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(),
        () -> assertInstanceOf(typeOf(f), MAPPER.readValue(f.toFile(), typeOf(f)))));
  }

  static List<Path> samples() throws IOException {
    try (Stream<Path> s = Files.list(SharedFiles.maxWireSamples())) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  static Class<?> typeOf(Path file) {
    String name = file.getFileName().toString().replaceFirst("\\.json$", "");
    if (name.startsWith("update.")) {
      return UpdateList.class;
    }
    if (name.startsWith("webhook.")) {
      return Update.class;
    }
    if (name.startsWith("error.")) {
      return ApiError.class;
    }
    Class<?> type = RESPONSES.get(name);
    if (type == null) {
      throw new AssertionError("no expected type for sample " + name);
    }
    return type;
  }

  static <T> T read(String sample, Class<T> type) throws IOException {
    return MAPPER.readValue(SharedFiles.maxWireSamples().resolve(sample)
        .toFile(), type);
  }

  @TestFactory
  Stream<DynamicTest> webhookAndPollingFormsOfAnUpdateAgree() throws IOException {
    return samples().stream()
        .filter(f -> f.getFileName().toString().startsWith("webhook."))
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
          String type = f.getFileName().toString().substring("webhook.".length());
          Update webhook = MAPPER.readValue(f.toFile(), Update.class);
          UpdateList polled = read("update." + type, UpdateList.class);
          assertEquals(1, polled.updates().size());
          assertEquals(type.replace(".json", ""), webhook.updateType());
          assertEquals(webhook.updateType(), polled.updates().get(0).updateType());
          assertEquals(webhook.getClass(), polled.updates().get(0).getClass());
        }));
  }

  @Test
  void errorsKeepCodeAndMessage() throws IOException {
    ApiError error = read("error.invalid-token.json", ApiError.class);
    assertEquals("verify.token", error.code());
    assertEquals("Invalid access_token", error.message());
    assertEquals("attachment.not.ready",
        read("error.attachment.not.ready.json", ApiError.class).code());
  }

  @Test
  void responsesKeepTheirKeyFields() throws IOException {
    BotInfo bot = read("botInfo.ok.json", BotInfo.class);
    assertEquals(123123123L, bot.userId());
    assertEquals("test-bot", bot.username());
    assertTrue(bot.isBot());
    assertEquals(List.of(), bot.commands());

    Chat chat = read("get-chat-by-id.json", Chat.class);
    assertEquals(-70000000000005L, chat.chatId());
    assertEquals("chat title", chat.title());
    assertEquals(1775628268494L, chat.participants().get("229229229"));
    assertEquals(7, chat.messagesCount());

    ChatMembersList members = read("get-members.json", ChatMembersList.class);
    assertEquals(2, members.members().size());
    ChatMember owner = members.members().get(1);
    assertTrue(owner.isOwner());
    assertEquals("John Doe", owner.name());
    assertTrue(owner.permissions().contains(ChatAdminPermission.PIN_MESSAGE));
    assertTrue(owner.permissions().contains(ChatAdminPermission.UNKNOWN),
        "MAX-only permissions such as edit_link read as UNKNOWN: " + owner.permissions());

    GetPinnedMessageResult pinned = read("get-pin-message.json", GetPinnedMessageResult.class);
    assertEquals("hi", pinned.message().body().text());
    assertEquals(List.of(), pinned.message().body().attachments());
  }
}
