package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which replica of itself a master's own CLUSTER NODES shows alive: one the cluster has not marked
 * failed ({@code fail}), a suspected failure ({@code fail?}) included, since that may be a replica
 * promoted or cut off from this master alone.
 */
final class LiveReplicaTest {
  private static final String NODES = String.join("\n",
      "07c3 127.0.0.1:30004@40004 slave 67ed 0 1426238317239 4 connected",
      "67ed 127.0.0.1:30002@40002 myself,master - 0 1426238316232 2 connected 5461-10922",
      "292f 127.0.0.1:30003@40003 master - 0 1426238318243 3 connected 10923-16383",
      "a1b2 127.0.0.1:30005@40005 slave 292f 0 1426238318243 3 connected",
      "");

  @Test
  void aReplicaListedWithoutFailureIsAlive() {
    assertEquals(Optional.of("127.0.0.1:30004@40004"), ReplicaAcks.liveReplicaOfMyself(NODES));
  }

  @Test
  void aReplicaSuspectedByThisMasterAloneIsStillAlive() {
    assertEquals(Optional.of("127.0.0.1:30004@40004"),
        ReplicaAcks.liveReplicaOfMyself(NODES.replace("@40004 slave", "@40004 slave,fail?")));
  }

  @Test
  void aReplicaTheClusterMarkedFailedIsNot() {
    assertEquals(Optional.empty(), ReplicaAcks.liveReplicaOfMyself(NODES.replace("@40004 slave", "@40004 slave,fail")));
  }

  @Test
  void anotherMastersReplicaIsNotThisMastersAndAMasterOnlyClusterHasNone() {
    assertEquals(Optional.empty(), ReplicaAcks.liveReplicaOfMyself(NODES.replace("slave 67ed", "slave 292f")));
  }

  @Test
  void aMasterWithoutSlotsMayBeThisMastersReplicaItsGossipHasNotReachedYet() {
    // After a failover the new master shows the old one, now its replica, as a slotless master
    // until the old one's next ping; the others may know better and promote it.
    String stale = NODES.replace("07c3 127.0.0.1:30004@40004 slave 67ed", "07c3 127.0.0.1:30004@40004 master -");
    assertEquals(Optional.of("127.0.0.1:30004@40004"), ReplicaAcks.liveReplicaOfMyself(stale));
    assertEquals(Optional.empty(), ReplicaAcks.liveReplicaOfMyself(stale.replace("@40004 master", "@40004 master,fail")));
  }
}
