package io.ttscenes.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.api.Bot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored form of chat data: bare at version 1, enveloped after, read strictly with a reason. */
final class ChatDataCodecTest {
  record Board(List<String> members) {}

  private static ChatDataCodec codec(int version) {
    Bot.Builder builder = Bot.builder("b").chatData(Board.class, () -> new Board(List.of()));
    if (version > 1) {
      builder.chatDataVersion(version);
      for (int from = 1; from < version; from++) {
        builder.migrateChatData(from, node -> node);
      }
    }
    return new ChatDataCodec(builder.build(), new ObjectMapper());
  }

  private static VersionedData.Reason reason(ChatDataCodec codec, String json) {
    return assertThrows(VersionedData.Unreadable.class, () -> codec.decode(json, Board.class)).reason();
  }

  @Test
  void versionOneIsStoredBareAndLaterVersionsEnveloped() throws Exception {
    assertEquals("{\"members\":[\"a\"]}", codec(1).encode(new Board(List.of("a"))));
    assertEquals("{\"@version\":2,\"@data\":{\"members\":[\"a\"]}}", codec(2).encode(new Board(List.of("a"))));
    assertEquals(new Board(List.of("a")), codec(2).decode("{\"@version\":2,\"@data\":{\"members\":[\"a\"]}}",
        Board.class));
    assertEquals(new Board(List.of("a")), codec(2).decode("{\"members\":[\"a\"]}", Board.class),
        "bare data is version 1 and migrates");
  }

  @Test
  void unreadableChatDataFailsWithItsReasonAndNoValue() {
    VersionedData.Unreadable notJson = assertThrows(VersionedData.Unreadable.class,
        () -> codec(1).decode("{\"members\":[\"secret", Board.class));
    assertEquals(VersionedData.Reason.NOT_DECODED, notJson.reason());
    assertFalse(notJson.getMessage().contains("secret"), notJson.getMessage());
    assertEquals(VersionedData.Reason.NOT_DECODED, reason(codec(1), "{\"names\":[\"a\"]}"));
    assertEquals(VersionedData.Reason.FUTURE_VERSION, reason(codec(2), "{\"@version\":3,\"@data\":{}}"));
    assertEquals(VersionedData.Reason.NOT_DECODED, reason(codec(2), "{\"@version\":\"2\",\"@data\":{}}"),
        "a version that is not a whole number is no envelope, and the type has no such fields");
  }
}
