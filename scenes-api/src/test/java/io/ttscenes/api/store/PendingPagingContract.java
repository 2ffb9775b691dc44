package io.ttscenes.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The paged walk over pending outboxes, part of the contract; see {@link SessionStoreContract}. */
public abstract class PendingPagingContract extends TimerContract {

  @Test
  void walkOfAStaticListingSeesEveryEntryExactlyOnceInWholeSessions() {
    Map<String, List<String>> written = writeSessions(240, 3);

    List<PendingPage> pages = walk(7, page -> { });

    assertTrue(pages.size() > 30, "240 sessions in pages of about 7 entries: " + pages.size());
    List<PendingOutbox> seen = pages.stream().flatMap(p -> p.entries().stream()).toList();
    assertEquals(written.values().stream().mapToInt(List::size).sum(), seen.size(), "no entry twice");
    assertEquals(written, idsByKey(seen), "every entry, each session's in commit order");
    for (PendingPage page : pages) {
      Map<String, List<String>> onPage = idsByKey(page.entries());
      onPage.forEach((key, ids) -> assertEquals(written.get(key), ids, "a page never splits " + key));
      int lastSession = onPage.isEmpty() ? 0 : onPage.values().stream().toList().get(onPage.size() - 1).size();
      assertTrue(page.entries().size() - lastSession < 7, "only the session reaching the limit overflows it");
    }
    assertTrue(pages.stream().limit(pages.size() - 1).allMatch(p -> p.next().isPresent()));
    assertEquals(Optional.empty(), pages.get(pages.size() - 1).next());
  }

  @Test
  void walkWithRemovalsOnBothSidesOfTheCursorSeesEveryEntryThatStayed() {
    Map<String, List<String>> written = writeSessions(300, 1);
    List<String> order = store.pendingOutboxes(1000).stream().map(PendingOutbox::key).toList();
    Set<String> removed = new HashSet<>();
    Set<String> seenKeys = new HashSet<>();

    List<PendingPage> pages = walk(10, page -> {
      page.entries().forEach(p -> seenKeys.add(p.key()));
      // Half of what was seen (shifting every later session towards the front) and the session
      // two places ahead of the cursor (one the walk must now skip).
      List<String> behind = order.stream().filter(seenKeys::contains).filter(k -> !removed.contains(k)).toList();
      List<String> gone = new ArrayList<>(behind.subList(0, behind.size() / 2));
      order.stream().filter(k -> !seenKeys.contains(k) && !removed.contains(k)).skip(1).findFirst()
          .ifPresent(gone::add);
      gone.forEach(key -> store.clearOutbox(key, written.get(key).get(0)));
      removed.addAll(gone);
    });

    Set<String> seen = new HashSet<>(idsByKey(pages.stream().flatMap(p -> p.entries().stream()).toList()).keySet());
    Set<String> stayed = new HashSet<>(written.keySet());
    stayed.removeAll(removed);
    assertTrue(removed.size() > 100, "the walk removed " + removed.size());
    assertTrue(seen.containsAll(stayed), "missed: " + stayed.stream().filter(k -> !seen.contains(k)).toList());
  }

  @Test
  void pageNeverSplitsOneSessionEvenBeyondTheLimit() {
    for (int i = 0; i < 3; i++) {
      store.commit(commitWithOutbox("a", i, "d", "a" + i, new OutboxEntry("a-" + i, "p")));
    }
    store.commit(commitWithOutbox("z", 0, "d", "z1", new OutboxEntry("z-1", "p")));

    PendingPage first = store.pendingOutboxes(Optional.empty(), 1);
    assertEquals(List.of("a-0", "a-1", "a-2"), first.entries().stream().map(p -> p.entry().id()).toList());
    PendingPage second = store.pendingOutboxes(first.next(), 1);
    assertEquals(List.of(new PendingOutbox("z", new OutboxEntry("z-1", "p"))), second.entries());
  }

  @Test
  void walkOfAnEmptyStoreIsOneEmptyLastPage() {
    assertEquals(PendingPage.last(List.of()), store.pendingOutboxes(Optional.empty(), 10));
  }

  @Test
  void pagedListingRejectsANonPositiveLimitAndAForeignCursor() {
    IllegalArgumentException limit = assertThrows(IllegalArgumentException.class,
        () -> store.pendingOutboxes(Optional.empty(), 0));
    assertTrue(limit.getMessage().contains("limit"), limit.getMessage());
    IllegalArgumentException cursor = assertThrows(IllegalArgumentException.class,
        () -> store.pendingOutboxes(Optional.of("not a cursor"), 10));
    assertTrue(cursor.getMessage().contains("not a cursor"), cursor.getMessage());
  }

  /** Commits {@code sessions} sessions "s0".., each with {@code perSession} entries "sN-i". */
  private Map<String, List<String>> writeSessions(int sessions, int perSession) {
    Map<String, List<String>> written = new LinkedHashMap<>();
    for (int s = 0; s < sessions; s++) {
      String key = "s" + s;
      int count = 1 + s % perSession;
      for (int i = 0; i < count; i++) {
        String id = key + "-" + i;
        store.commit(commitWithOutbox(key, i, "d", "u" + id, new OutboxEntry(id, "p" + id)));
        written.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
      }
    }
    return written;
  }

  /** Walks every page with {@code limit}, handing each to {@code afterPage} before the next. */
  private List<PendingPage> walk(int limit, Consumer<PendingPage> afterPage) {
    List<PendingPage> pages = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      PendingPage page = store.pendingOutboxes(cursor, limit);
      assertFalse(pages.size() > 1000, "the walk does not end");
      pages.add(page);
      afterPage.accept(page);
      cursor = page.next();
    } while (cursor.isPresent());
    return pages;
  }

  private static Map<String, List<String>> idsByKey(List<PendingOutbox> entries) {
    Map<String, List<String>> ids = new LinkedHashMap<>();
    entries.forEach(p -> ids.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p.entry().id()));
    return ids;
  }
}
