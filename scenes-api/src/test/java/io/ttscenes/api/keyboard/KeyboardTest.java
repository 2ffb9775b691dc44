package io.ttscenes.api.keyboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ttscenes.api.model.CallbackButton;
import io.ttscenes.api.model.ChatButton;
import io.ttscenes.api.model.InlineKeyboardAttachmentRequest;
import io.ttscenes.api.model.Intent;
import io.ttscenes.api.model.LinkButton;
import io.ttscenes.api.model.RequestContactButton;
import io.ttscenes.api.model.RequestGeoLocationButton;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

final class KeyboardTest {

  private static String failure(Executable call) {
    return assertThrows(IllegalArgumentException.class, call).getMessage();
  }

  @Test
  void buildsEveryButtonTypeInRows() {
    Keyboard keyboard = Keyboard.inline()
        .withRow(Keyboard.callback("Yes", "q1:yes", Intent.POSITIVE), Keyboard.callback("No", "q1:no"))
        .withRow(Keyboard.link("Site", "https://tamtam.chat"))
        .withRow(Keyboard.requestContact("Share phone"), Keyboard.requestLocation("Where", true))
        .withRow(Keyboard.chat("Open chat", "Support", "Ask here", "ticket-1"));
    InlineKeyboardAttachmentRequest attachment = keyboard.toAttachment();
    assertEquals(4, attachment.payload().buttons().size());
    assertEquals(new CallbackButton("Yes", "q1:yes", Intent.POSITIVE), keyboard.rows().get(0).get(0));
    assertEquals(new CallbackButton("No", "q1:no", Intent.DEFAULT), keyboard.rows().get(0).get(1));
    assertEquals(new LinkButton("Site", "https://tamtam.chat"), keyboard.rows().get(1).get(0));
    assertEquals(new RequestContactButton("Share phone"), keyboard.rows().get(2).get(0));
    assertEquals(new RequestGeoLocationButton("Where", true), keyboard.rows().get(2).get(1));
    assertEquals(new ChatButton("Open chat", "Support", "Ask here", "ticket-1", null), keyboard.rows().get(3).get(0));
  }

  @Test
  void keyboardsAreImmutableSoABaseCanBeShared() {
    Keyboard base = Keyboard.inline().withRow(Keyboard.callback("Menu", "menu"));
    Keyboard longer = base.withRow(Keyboard.callback("More", "more"));
    assertEquals(1, base.rows().size());
    assertEquals(2, longer.rows().size());
  }

  @Test
  void limitsAreCheckedWithMessagesNamingTheValue() {
    assertEquals("callback payload is 1031 chars; the limit is 1024",
        failure(() -> Keyboard.callback("ok", "x".repeat(1031))));
    assertEquals("button text is 0 chars; it must be 1..128", failure(() -> Keyboard.callback("", "p")));
    assertEquals("button text is 129 chars; it must be 1..128",
        failure(() -> Keyboard.link("y".repeat(129), "https://a")));
    assertEquals("link button url is 2049 chars; the limit is 2048",
        failure(() -> Keyboard.link("go", "h".repeat(2049))));
    assertEquals("chat button title is 201 chars; it must be 1..200",
        failure(() -> Keyboard.chat("go", "t".repeat(201))));
    assertEquals("chat button description is 401 chars; the limit is 400",
        failure(() -> Keyboard.chat("go", "t", "d".repeat(401), null)));
    assertEquals("chat button start payload is 513 chars; the limit is 512",
        failure(() -> Keyboard.chat("go", "t", null, "s".repeat(513))));
    assertEquals("button text is 129 chars; it must be 1..128",
        failure(() -> Keyboard.requestContact("c".repeat(129))));
    assertEquals("keyboard row 2 is empty; a row needs at least 1 button",
        failure(() -> Keyboard.inline().withRow(Keyboard.callback("a", "b")).withRow()));
    assertEquals("keyboard has 0 rows; it needs at least 1", failure(() -> Keyboard.inline().toAttachment()));
  }

  @Test
  void boundaryValuesAreAccepted() {
    Keyboard.callback("b".repeat(128), "p".repeat(1024));
    Keyboard.link("x", "h".repeat(2048));
    assertEquals(List.of(), Keyboard.inline().rows());
  }
}
