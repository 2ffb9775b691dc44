package io.ttscenes.runtime.store;

import io.ttscenes.api.store.InboxEntry;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Session key -> its inbox of signals (id -> entry). An inbox exists only while it holds an
 * entry, so an idle session costs nothing; each change is one atomic step on the map.
 */
final class InMemoryInboxes {
  private static final Comparator<InboxEntry> OLDEST_FIRST =
      Comparator.comparing(InboxEntry::at).thenComparing(InboxEntry::id);

  private final ConcurrentHashMap<String, Map<String, InboxEntry>> inboxes = new ConcurrentHashMap<>();

  /**
   * Adds {@code entry} unless its id is there, then runs {@code then} in the same atomic step, so
   * a commit's {@link #consume} sees both or neither.
   */
  void append(String key, InboxEntry entry, Runnable then) {
    inboxes.compute(key, (k, inbox) -> {
      Map<String, InboxEntry> next = inbox == null ? new LinkedHashMap<>() : new LinkedHashMap<>(inbox);
      next.putIfAbsent(entry.id(), entry);
      then.run();
      return Map.copyOf(next);
    });
  }

  List<InboxEntry> list(String key) {
    Map<String, InboxEntry> inbox = inboxes.get(key);
    return inbox == null ? List.of() : inbox.values().stream().sorted(OLDEST_FIRST).toList();
  }

  /**
   * Removes {@code ids}, then tells {@code then} whether entries remain, in one atomic step with
   * {@link #append}: a commit's timer write cannot overtake a delivery's lowering of the timer.
   */
  void consume(String key, Set<String> ids, Consumer<Boolean> then) {
    inboxes.compute(key, (k, inbox) -> {
      Map<String, InboxEntry> next = inbox == null ? new LinkedHashMap<>() : new LinkedHashMap<>(inbox);
      next.keySet().removeAll(ids);
      then.accept(!next.isEmpty());
      return next.isEmpty() ? null : Map.copyOf(next);
    });
  }
}
