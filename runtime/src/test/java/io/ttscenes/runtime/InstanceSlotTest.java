package io.ttscenes.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class InstanceSlotTest {
  @TempDir Path dir;

  @Test
  void restartedProcessFindsItsDeadPredecessorInItsSlot() {
    InstanceSlot.claim(dir, "faq", "token-a\nredis://h:6379", "dead-a").orElseThrow().close();

    try (InstanceSlot slot = InstanceSlot.claim(dir, "faq", "token-a\nredis://h:6379", "next-a").orElseThrow()) {
      assertEquals(Optional.of("dead-a"), slot.predecessor());
    }
  }

  @Test
  void anotherBotOrStoreOnTheSameMachineNeitherTakesNorOverwritesTheDeadInstanceId() {
    InstanceSlot.claim(dir, "ttscenes-bot", "token-a\nredis://h:6379", "dead-a").orElseThrow().close();

    Optional<String> otherBot = predecessorOf("ttscenes-bot", "token-b\nredis://h:6379", "bot-b");
    Optional<String> otherStore = predecessorOf("ttscenes-bot", "token-a\nredis://staging:6379", "staging-a");

    assertEquals(Optional.empty(), otherBot);
    assertEquals(Optional.empty(), otherStore);
    assertEquals(Optional.of("dead-a"), predecessorOf("ttscenes-bot", "token-a\nredis://h:6379", "next-a"));
  }

  @Test
  void botNameWithPathCharactersStaysInTheStateDirectory() {
    try (InstanceSlot slot = InstanceSlot.claim(dir, "../faq/bot", "token", "one").orElseThrow()) {
      String[] files = dir.toFile().list();
      assertEquals(1, files.length);
      assertTrue(files[0].startsWith(".._faq_bot-"), files[0]);
    }
  }

  private Optional<String> predecessorOf(String bot, String owner, String id) {
    try (InstanceSlot slot = InstanceSlot.claim(dir, bot, owner, id).orElseThrow()) {
      return slot.predecessor();
    }
  }
}
