package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The slots a node serves, read from its own CLUSTER NODES line. */
final class SlotRangesTest {
  private static final String NODES = String.join("\n",
      "07c3 127.0.0.1:30004@40004 slave 67ed 0 1426238317239 4 connected",
      "67ed 127.0.0.1:30002@40002 myself,master - 0 1426238316232 2 connected 5461-10921 10922 [10923->-292f]",
      "292f 127.0.0.1:30003@40003 master - 0 1426238318243 3 connected 10923-16383",
      "");

  @Test
  void aMasterServesItsRangesAndSingleSlotsButNotSlotsBeingMigrated() {
    assertArrayEquals(new int[] {5461, 10921, 10922, 10922}, SlotRanges.ofMyself(NODES));
  }

  @Test
  void aReplicaServesNone() {
    assertArrayEquals(new int[0], SlotRanges.ofMyself(NODES.replace("myself,master", "master")
        .replace("07c3 127.0.0.1:30004@40004 slave", "07c3 127.0.0.1:30004@40004 myself,slave")));
  }
}
