package io.ttscenes.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Message ids stay unique across emulators, as TamTam's do across a bot's restarts: a bot whose
 * store outlives one emulator dedupes by mid, so a repeated mid would make a new message look
 * answered already.
 */
final class MessageIdsTest {

  @Test
  void aSecondEmulatorNeverRepeatsTheFirstOnesMessageIds() {
    List<String> mids = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      try (Emulator emulator = Emulator.start(0)) {
        EmulatedUser eve = emulator.user("Eve");
        EmulatedChat club = emulator.groupChat("Club", eve, emulator.user("Finn"));
        mids.add(club.sendText(eve, "4").mid());
        mids.add(eve.sendText("hello").mid());
      }
    }
    assertNotEquals(mids.get(0), mids.get(2), "the same first message of a fresh emulator");
    assertEquals(mids.size(), new HashSet<>(mids).size(), "every mid once: " + mids);
  }
}
