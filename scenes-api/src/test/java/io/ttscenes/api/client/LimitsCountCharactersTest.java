package io.ttscenes.api.client;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.keyboard.Keyboard;
import org.junit.jupiter.api.Test;

/**
 * The schema's {@code maxLength} (OpenAPI = JSON Schema) counts characters, i.e. Unicode code points,
 * and the schema says "All strings are UTF-8 encoded"; nothing in it counts UTF-16 units. Counted
 * with {@code String.length()}, every emoji or other non-BMP character would count twice: valid
 * texts would be refused and the error would name a size the user never typed.
 */
final class LimitsCountCharactersTest {
  private static final String EMOJI = "\uD83D\uDE00"; // one character, two UTF-16 units

  @Test
  void aMessageOf4000CharactersWithEmojiIsAccepted() {
    String text = EMOJI.repeat(2000) + "x".repeat(2000); // 4000 characters

    assertEquals(4000, text.codePointCount(0, text.length()));
    assertDoesNotThrow(() -> OutgoingMessage.text(text));
  }

  @Test
  void theErrorCountsCharactersAsTheUserSeesThem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ApiLimits.checkMessageText(EMOJI.repeat(4001)));

    assertEquals("message text is 4001 chars; the limit is 4000", e.getMessage());
  }

  @Test
  void aButtonTextOf128CharactersWithEmojiIsAccepted() {
    String text = EMOJI.repeat(100) + "x".repeat(28); // 128 characters

    assertDoesNotThrow(() -> Keyboard.callback(text, "p"));
  }
}
