package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.OutboxEntry;
import io.ttscenes.api.store.PendingOutbox;
import io.ttscenes.api.store.PendingPage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Redis walk over the outbox index where many sessions share one score (one millisecond). */
final class RedisPendingPagesTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();
  private static final AtomicInteger BOTS = new AtomicInteger();
  private static final Clock FROZEN = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
  // Byte order differs from most locales' order here: Redis orders equal scores by bytes.
  private static final List<String> STEMS = List.of("a", "B", "z", "é", "привет", "Zeta", "a:b", "");

  @Test
  void walkResumesAfterAClearedCursorAmongMembersOfOneScore() {
    for (boolean cluster : List.of(false, true)) {
      try (RedisSessionStore store = store(cluster)) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
          String key = STEMS.get(i % STEMS.size()) + i;
          store.commit(commit(key, "o" + i));
          keys.add(key);
        }
        Set<String> cleared = new HashSet<>();
        List<String> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
          PendingPage page = store.pendingOutboxes(cursor, 3);
          page.entries().forEach(p -> seen.add(p.key()));
          // The cursor's own member goes, so the next page must find its place by bisection.
          for (PendingOutbox p : page.entries().subList(Math.max(0, page.entries().size() - 2), page.entries().size())) {
            store.clearOutbox(p.key(), p.entry().id());
            cleared.add(p.key());
          }
          cursor = page.next();
        } while (cursor.isPresent());

        assertEquals(new HashSet<>(seen).size(), seen.size(), "nothing twice: " + seen);
        assertEquals(new HashSet<>(keys), new HashSet<>(seen), "cluster " + cluster);
        assertTrue(cleared.size() > 100, "cleared " + cleared.size());
        Set<String> left = new HashSet<>(keys);
        left.removeAll(cleared);
        assertEquals(left, new HashSet<>(store.pendingOutboxes(1000).stream().map(PendingOutbox::key).toList()));
      }
    }
  }

  private static RedisSessionStore store(boolean cluster) {
    RedisConfig config = RedisConfig.fromUrl(REDIS.url()).newBuilder()
        .botName("pages-" + BOTS.incrementAndGet()).cluster(cluster).build();
    return RedisSessionStore.create(REDIS.newClient(), config, FROZEN);
  }

  private static Commit commit(String key, String outboxId) {
    return new Commit(key, 0, "d", Optional.of(new OutboxEntry(outboxId, "p")), "u-" + outboxId,
        Duration.ofHours(1));
  }
}
