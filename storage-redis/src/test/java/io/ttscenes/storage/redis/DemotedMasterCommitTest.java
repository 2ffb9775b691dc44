package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.CommitResult;
import io.ttscenes.api.store.StoreUnavailableException;
import io.ttscenes.api.store.StoredSession;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A master whose {@code ROLE} lists no replica any more while the cluster still has its replica
 * alive (its link dropped; or the replica was promoted while the master stalled and the master
 * does not know yet): the replica lacks what the master takes from then on, so a failover to it
 * (or the master rejoining as its replica) drops it. Such commits are not acknowledged. A replica
 * that really died is marked failed by the cluster, and from then on commits proceed unconfirmed,
 * with a warning, as on a master that never had a replica.
 */
final class DemotedMasterCommitTest {
  @RegisterExtension static final RedisClusterExtension CLUSTER = RedisClusterExtension.own();
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Test
  void aCommitOnAMasterThatLostTheLinkToALiveReplicaIsNeitherAcknowledgedNorReadBackAndSoNotLostInItsFailover() {
    String key = withReplica("link-lost-");
    try (RedisSessionStore store = RedisSessionStore.create(config("link-lost"))) {
      assertInstanceOf(CommitResult.Committed.class, commit(store, key, 0), "with the replica in sync");
      int slot = RedisClusterFailoverTest.slotOf(key);
      ClusterNode master = CLUSTER.local().masterOf(slot);
      ClusterNode replica = CLUSTER.local().replicaOf(master);
      long acknowledged = 1;
      long readBack = 0;
      replica.freeze();
      try {
        master.dropReplicaLinks();
        // A commit and a read back of it, as the engine does after a commit it could not confirm,
        // well within the node timeout (1.5 s): the cluster still counts the replica as alive.
        try {
          if (commit(store, key, 1) instanceof CommitResult.Committed) {
            acknowledged = 2;
          }
        } catch (StoreUnavailableException unconfirmed) {
          assertTrue(unconfirmed.getMessage().contains("not confirmed by a replica"), unconfirmed.getMessage());
        }
        try {
          readBack = store.loadLatest(key).map(StoredSession::version).orElse(0L);
        } catch (StoreUnavailableException unconfirmed) {
          assertTrue(unconfirmed.getMessage().contains("not confirmed by a replica"), unconfirmed.getMessage());
        }
        master.kill();
      } finally {
        replica.thaw();
      }
      awaitTrue(() -> replica.isMasterOf(slot), "the replica's promotion");
      long stored = awaitRead(store, key);
      assertEquals(acknowledged, Math.min(acknowledged, stored), "acknowledged commits lost in the failover: "
          + (acknowledged - stored) + " (acknowledged version " + acknowledged + ", stored " + stored + ")");
      assertEquals(readBack, Math.min(readBack, stored), "a version read back before the failover is lost in it "
          + "(read back " + readBack + ", stored " + stored + "): the engine would have sent its reply");
    }
  }

  @Test
  void aMasterWhoseReplicaDiedTakesCommitsAgainOnceTheClusterMarksItFailed() {
    String key = withReplica("died-");
    try (RedisSessionStore store = RedisSessionStore.create(config("replica-died"))) {
      assertInstanceOf(CommitResult.Committed.class, commit(store, key, 0), "with the replica in sync");
      ClusterNode replica = CLUSTER.local().replicaOf(CLUSTER.local().masterOf(RedisClusterFailoverTest.slotOf(key)));
      long killedAt = System.nanoTime();
      replica.kill();
      long version = 1;
      int unconfirmed = 0;
      long deadline = killedAt + PATIENCE.toNanos();
      while (true) {
        assertTrue(System.nanoTime() < deadline, "no commit acknowledged within " + PATIENCE + " of the replica's death");
        try {
          if (commit(store, key, version) instanceof CommitResult.Committed) {
            version++;
            break;
          }
        } catch (StoreUnavailableException notYet) {
          unconfirmed++;
        }
        version = awaitRead(store, key);
        LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
      }
      Duration after = Duration.ofNanos(System.nanoTime() - killedAt);
      long start = System.nanoTime();
      for (int i = 0; i < 20; i++, version++) {
        assertInstanceOf(CommitResult.Committed.class, commit(store, key, version), "commit " + i + " after the first");
      }
      Duration twenty = Duration.ofNanos(System.nanoTime() - start);
      System.out.printf("replica died: %d commits unconfirmed, the first acknowledged %d ms after the kill, "
          + "20 more took %d ms%n", unconfirmed, after.toMillis(), twenty.toMillis());
      assertTrue(twenty.compareTo(Duration.ofSeconds(5)) < 0, "20 commits took " + twenty + ": each waited for the dead replica");
    }
  }

  @Test
  void aReadBackAfterAnUnconfirmedCommitReachesTheSlotsNewMasterOnceTheOldOneWasDemoted() {
    String key = withReplica("demoted-");
    try (RedisSessionStore store = RedisSessionStore.create(config("demoted-read"))) {
      assertInstanceOf(CommitResult.Committed.class, commit(store, key, 0), "with the replica in sync");
      int slot = RedisClusterFailoverTest.slotOf(key);
      ClusterNode master = CLUSTER.local().masterOf(slot);
      ClusterNode replica = CLUSTER.local().replicaOf(master);
      replica.freeze();
      try {
        commit(store, key, 1);
        throw new AssertionError("a commit no replica can have was acknowledged");
      } catch (StoreUnavailableException unconfirmed) {
        assertTrue(unconfirmed.getMessage().contains("not confirmed by a replica"), unconfirmed.getMessage());
      } finally {
        replica.thaw();
      }
      // The replica catches up and takes over (a manual failover): the old master is its replica
      // now, and the store's slot map still names the old one.
      replica.failover();
      awaitTrue(() -> replica.isMasterOf(slot) && !master.isMasterOf(slot), "the manual failover");
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      String last = "";
      int refused = 0;
      while (true) {
        try {
          assertEquals(2L, store.loadLatest(key).map(StoredSession::version).orElse(0L), "the confirmed commit read back");
          break;
        } catch (StoreUnavailableException notYet) {
          refused++;
          last = notYet.getMessage();
          assertTrue(System.nanoTime() < deadline, "the read back was refused " + refused + " times in 10 s, the slot's "
              + "new master in sync: " + last);
          LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
      }
    }
  }

  @Test
  void aNewMasterWhoseViewStillShowsItsReplicaAsASlotlessMasterConfirmsNoCommitWithoutIt() {
    String key = withReplica("stale-view-");
    int slot = RedisClusterFailoverTest.slotOf(key);
    try (RedisSessionStore store = RedisSessionStore.create(config("stale-view"))) {
      assertInstanceOf(CommitResult.Committed.class, commit(store, key, 0), "with the replica in sync");
      for (int attempt = 1; ; attempt++) {
        ClusterNode oldMaster = CLUSTER.local().masterOf(slot);
        ClusterNode newMaster = CLUSTER.local().replicaOf(oldMaster);
        // A manual failover; the old master turns replica on the new one's broadcast, and the new
        // one learns that from the old one's next ping (up to a second later): stop it before.
        newMaster.failover();
        awaitTrue(() -> oldMaster.masterPort().orElse(-1) == newMaster.address().getPort(), "the old master's demotion");
        // A read the old master redirects renews the store's slot map (then nothing waits on the
        // stopped node, and all is done well within the node timeout: it is not marked failed).
        long version = store.loadLatest(key).map(StoredSession::version).orElse(0L);
        oldMaster.freeze();
        boolean stale;
        try (redis.clients.jedis.Jedis view = new redis.clients.jedis.Jedis(newMaster.address())) {
          stale = view.clusterNodes().lines().anyMatch(line -> line.contains(" " + oldMaster.address() + "@")
              && line.split(" ")[2].contains("master"));
        }
        if (!stale) {
          oldMaster.thaw();
          assertTrue(attempt < 10, "the new master learnt of its replica before it was stopped, 10 times");
          CLUSTER.local().awaitHealthy(PATIENCE);
          continue;
        }
        try {
          // Its replication link drops (or was never up): the new master's ROLE lists no replica.
          newMaster.dropReplicaLinks();
          try {
            CommitResult result = commit(store, key, version);
            throw new AssertionError("a commit was acknowledged (" + result + ") by a master whose only replica, "
                + "stopped and cut off, cannot have it; the cluster would promote that replica if the master failed");
          } catch (StoreUnavailableException unconfirmed) {
            assertTrue(unconfirmed.getMessage().contains("not confirmed by a replica"), unconfirmed.getMessage());
          }
        } finally {
          oldMaster.thaw();
        }
        return;
      }
    }
  }

  /** A session key whose master has a running replica. */
  private static String withReplica(String prefix) {
    for (int i = 0; ; i++) {
      String key = prefix + i;
      try {
        CLUSTER.local().replicaOf(CLUSTER.local().masterOf(RedisClusterFailoverTest.slotOf(key)));
        return key;
      } catch (IllegalStateException noReplica) {
        // That master's replica was promoted or killed by the other test: try the next key.
      }
    }
  }

  private static RedisConfig config(String bot) {
    return RedisConfig.fromClusterNodes(CLUSTER.nodesVariable()).newBuilder().botName(bot).build();
  }

  private static CommitResult commit(RedisSessionStore store, String key, long version) {
    return store.commit(new Commit(key, version, "v" + (version + 1), Optional.empty(),
        key + "#" + (version + 1), Duration.ofHours(1)));
  }

  private static long awaitRead(RedisSessionStore store, String key) {
    return ClusterWaits.awaitRead(store, key, PATIENCE);
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
    ClusterWaits.awaitTrue(condition, what, PATIENCE);
  }
}
