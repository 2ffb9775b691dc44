package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.store.StoredSession;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class NearCacheTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void evictsOnTheWritingThreadSoTheBoundHoldsAsSoonAsThePutsReturn() {
    NearCache cache = new NearCache(5, MINUTE);
    for (int i = 0; i < 100; i++) {
      cache.put("s" + i, new StoredSession(1, "d" + i, List.of()), MINUTE);
    }
    long held = 0;
    for (int i = 0; i < 100; i++) {
      held += cache.get("s" + i).isPresent() ? 1 : 0;
    }
    // No pool thread is involved, so no eviction is left pending after put returns.
    assertTrue(held <= 5, held + " sessions cached; the bound is 5");
  }

  @Test
  void servesTheLastPutAndForgetsAnInvalidatedSession() {
    NearCache cache = new NearCache(10, MINUTE);
    cache.put("s", new StoredSession(1, "old", List.of()), MINUTE);
    cache.put("s", new StoredSession(2, "new", List.of("u1")), MINUTE);
    assertEquals(Optional.of(new StoredSession(2, "new", List.of("u1"))), cache.get("s"));
    cache.invalidate("s");
    assertEquals(Optional.empty(), cache.get("s"));
  }

  @Test
  void anOlderVersionPutLateDoesNotHideTheNewerOne() {
    // Two commits of one key that return at once may reach put in either order.
    NearCache cache = new NearCache(10, MINUTE);
    cache.put("s", new StoredSession(8, "newer", List.of()), MINUTE);
    cache.put("s", new StoredSession(7, "older", List.of()), MINUTE);

    assertEquals(Optional.of(new StoredSession(8, "newer", List.of())), cache.get("s"));
  }
}
