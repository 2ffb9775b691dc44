package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
 * A master's replica is stalled (SIGSTOP: still connected, so the master's {@code ROLE} lists it,
 * but it acknowledges nothing), as a replica on a loaded machine falls behind. A failover to it
 * would lose what it has not received, so no commit it has not confirmed is reported committed,
 * the second one included (the wait is not suspended for the master's slots), and commits are
 * acknowledged again once it catches up.
 */
final class StalledReplicaCommitTest {
  @RegisterExtension static final RedisClusterExtension CLUSTER = RedisClusterExtension.own();
  private static final String KEY = "stalled";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Test
  void aCommitNoReplicaConfirmedIsNeverAcknowledged() {
    RedisConfig config = RedisConfig.fromClusterNodes(CLUSTER.nodesVariable()).newBuilder()
        .botName("stalled-replica").build();
    try (RedisSessionStore store = RedisSessionStore.create(config)) {
      assertInstanceOf(CommitResult.Committed.class, commitNext(store), "with the replica in sync");
      ClusterNode master = CLUSTER.local().masterOf(RedisClusterFailoverTest.slotOf(KEY));
      ClusterNode replica = CLUSTER.local().replicaOf(master);
      replica.freeze();
      try {
        for (int i = 0; i < 2; i++) {
          StoreUnavailableException unconfirmed = assertThrows(StoreUnavailableException.class,
              () -> commitNext(store), "commit " + (i + 1) + " while the replica is stalled");
          assertTrue(unconfirmed.getMessage().contains("not confirmed by a replica"), unconfirmed.getMessage());
        }
      } finally {
        replica.thaw();
      }
      awaitCommitted(store);
    }
  }

  private static CommitResult commitNext(RedisSessionStore store) {
    long version = store.loadLatest(KEY).map(StoredSession::version).orElse(0L);
    return store.commit(new Commit(KEY, version, "v" + (version + 1), Optional.empty(),
        KEY + "#" + (version + 1), Duration.ofHours(1)));
  }

  /** Once the replica runs again it catches up, and a commit is acknowledged again. */
  private static void awaitCommitted(RedisSessionStore store) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      try {
        if (commitNext(store) instanceof CommitResult.Committed) {
          return;
        }
      } catch (StoreUnavailableException notYet) {
        assertTrue(System.nanoTime() < deadline, "no commit acknowledged within " + PATIENCE
            + " of the replica running again: " + notYet.getMessage());
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }
}
