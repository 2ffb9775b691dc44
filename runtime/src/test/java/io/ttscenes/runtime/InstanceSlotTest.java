package io.ttscenes.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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

  @Test
  void liveRuntimeKeepsItsSlotLockedWhenAnotherRuntimeOfTheProcessClaimsOne() throws Exception {
    try (InstanceSlot first = InstanceSlot.claim(dir, "faq", "token", "live-first").orElseThrow();
        InstanceSlot second = InstanceSlot.claim(dir, "faq", "token", "live-second").orElseThrow()) {
      // Another process must find both slots locked: neither live id may be taken for a dead one.
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          OtherProcess.class.getName(), dir.toString()).redirectErrorStream(true).start();
      assertTrue(other.waitFor(60, TimeUnit.SECONDS), "the other process did not end");
      String found = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertTrue(found.endsWith("predecessor=none"), found);
    }
  }

  /** Claims a slot of the same bot from another process and prints the predecessor it found. */
  static final class OtherProcess {
    public static void main(String[] args) {
      Optional<InstanceSlot> slot = InstanceSlot.claim(Path.of(args[0]), "faq", "token", "intruder");
      System.out.println("predecessor=" + slot.flatMap(InstanceSlot::predecessor).orElse("none"));
    }
  }

  @Test
  void slotDirectoryOthersMayWriteInIsNotUsed() throws Exception {
    Path shared = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

    assertEquals(Optional.empty(), InstanceSlot.claim(shared, "faq", "token", "one"));
    assertEquals(0, shared.toFile().list().length);
  }

  @Test
  void createdSlotDirectoryIsPrivateToItsUser() throws Exception {
    Path created = dir.resolve("state");
    InstanceSlot.claim(created, "faq", "token", "one").orElseThrow().close();

    assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(created));
  }

  private Optional<String> predecessorOf(String bot, String owner, String id) {
    try (InstanceSlot slot = InstanceSlot.claim(dir, bot, owner, id).orElseThrow()) {
      return slot.predecessor();
    }
  }
}
