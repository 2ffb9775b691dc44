package io.ttscenes.runtime.store;

import io.ttscenes.api.store.DeadLetter;
import io.ttscenes.api.store.SessionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The dead letters of an {@link InMemorySessionStore}: by id, and ordered oldest first for the
 * listing and the trimming, under one lock so each operation is atomic. Thread-safe.
 */
final class InMemoryDeadLetters {
  private static final Comparator<DeadLetter> OLDEST_FIRST =
      Comparator.comparing(DeadLetter::at).thenComparing(DeadLetter::id);

  private final Map<String, DeadLetter> byId = new HashMap<>();
  private final TreeSet<DeadLetter> byAge = new TreeSet<>(OLDEST_FIRST);

  synchronized boolean add(DeadLetter letter) {
    if (byId.containsKey(letter.id())) {
      return false;
    }
    byId.put(letter.id(), letter);
    byAge.add(letter);
    Instant cutoff = byAge.last().at().minus(SessionStore.DEAD_LETTER_AGE);
    while (byAge.first().at().isBefore(cutoff) || byAge.size() > SessionStore.DEAD_LETTERS_KEPT) {
      byId.remove(byAge.pollFirst().id());
    }
    return true;
  }

  synchronized List<DeadLetter> list(int limit) {
    List<DeadLetter> oldest = new ArrayList<>(Math.min(limit, byAge.size()));
    for (DeadLetter letter : byAge) {
      if (oldest.size() == limit) {
        break;
      }
      oldest.add(letter);
    }
    return oldest;
  }

  synchronized Optional<DeadLetter> take(String id) {
    return Optional.ofNullable(remove(id));
  }

  private DeadLetter remove(String id) {
    DeadLetter gone = byId.remove(id);
    if (gone != null) {
      byAge.remove(gone);
    }
    return gone;
  }
}
