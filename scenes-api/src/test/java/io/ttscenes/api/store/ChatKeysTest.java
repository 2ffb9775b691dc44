package io.ttscenes.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which session keys are a chat's, and which chat a key shares data with: exactly {@code c:<id>}
 * and {@code c:<id>/u:<id>} with ASCII integers of either sign; keys that only look alike belong
 * to no chat (a store would otherwise file them under a hash tag of a chat that is not theirs).
 */
final class ChatKeysTest {
  private static final List<String> CHATS = List.of("c:5", "c:-5", "c:0", "c:10", "c:-70",
      "c:" + Long.MIN_VALUE, "c:" + Long.MAX_VALUE);
  private static final List<String> NO_CHATS = List.of("", "c", "c:", "c:-", "c:+5", "c:x", "c:5x", "c:5 ",
      " c:5", "c:5\n", "C:5", "c:٣", "c:５", "c::5", "c:-5-", "u:1", "u:1:c:10", "x:c:5", "c:5/", "c:/u:1",
      "c:x/u:1", "c:-/u:1", "c:5/u:", "c:5/u:-", "c:5/u:x", "c:5/u:٣", "c:5/x:1", "c:5/u:1/u:2", "c:5/u:1 ");

  @Test
  void aChatKeyIsCFollowedByAnAsciiIntegerOfEitherSignAndNothingElse() {
    for (String chat : CHATS) {
      assertTrue(ChatKeys.isChat(chat), chat);
    }
    for (String key : NO_CHATS) {
      assertFalse(ChatKeys.isChat(key), key);
    }
    assertFalse(ChatKeys.isChat(ChatKeys.member(10, 1)), "a member's key is not the chat's");
  }

  @Test
  void aChatAndItsMembersShareTheChatsDataAndNoOtherKeyDoes() {
    for (String chat : CHATS) {
      assertEquals(Optional.of(chat), ChatKeys.chatOf(chat), chat);
      assertEquals(Optional.of(chat), ChatKeys.chatOf(chat + "/u:7"), chat + "/u:7");
      assertEquals(Optional.of(chat), ChatKeys.chatOf(chat + "/u:-7"), chat + "/u:-7");
    }
    assertEquals(Optional.of("c:10"), ChatKeys.chatOf(ChatKeys.member(10, 1)));
    assertEquals(Optional.of("c:-70"), ChatKeys.chatOf(ChatKeys.member(-70, 2)));
    for (String key : NO_CHATS) {
      assertEquals(Optional.empty(), ChatKeys.chatOf(key), key);
    }
  }
}
