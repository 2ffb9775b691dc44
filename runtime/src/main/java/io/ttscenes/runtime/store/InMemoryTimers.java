package io.ttscenes.runtime.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Timers as session key -> score (epoch ms): the due time, or the end of the lease once claimed.
 * Claiming is a compare-and-set on the score, so among racing claimers exactly one wins a timer.
 */
final class InMemoryTimers {
  private final ConcurrentHashMap<String, Long> scores = new ConcurrentHashMap<>();

  void schedule(String key, Instant due) {
    scores.put(key, due.toEpochMilli());
  }

  void cancel(String key) {
    scores.remove(key);
  }

  boolean cancel(String key, Instant due) {
    return scores.remove(key, due.toEpochMilli());
  }

  boolean reschedule(String key, Instant from, Instant to) {
    return scores.replace(key, from.toEpochMilli(), to.toEpochMilli());
  }

  /**
   * Applies a commit's wake: the timer follows it when it changed since the session's previous
   * commit ({@code before}); an unchanged wake leaves the timer (and a claim on it) alone.
   */
  void commit(String key, Long before, Long wake, boolean inboxWaiting) {
    if (java.util.Objects.equals(before, wake)) {
      return;
    }
    if (inboxWaiting) {
      // Signals wait: the timer their delivery lowered must not move later.
      if (wake != null) {
        lower(key, wake);
      }
      return;
    }
    if (wake == null) {
      scores.remove(key);
    } else {
      scores.put(key, wake);
    }
  }

  /** Sets the timer to {@code due} unless it is set earlier already. */
  void lower(String key, long due) {
    scores.merge(key, due, Math::min);
  }

  /**
   * Moves each timer scored after {@code now} and at or before {@code horizon} to {@code now}, by a
   * compare-and-set on the score it was read with; returns how many moved.
   */
  int wake(Instant horizon, Instant now) {
    long nowMs = now.toEpochMilli();
    long horizonMs = horizon.toEpochMilli();
    int woken = 0;
    for (Map.Entry<String, Long> timer : scores.entrySet()) {
      long score = timer.getValue();
      // A timer changed since it was read keeps what its changer set.
      if (score > nowMs && score <= horizonMs && scores.replace(timer.getKey(), score, nowMs)) {
        woken++;
      }
    }
    return woken;
  }

  List<String> claim(Instant now, Duration lease, int limit) {
    long nowMs = now.toEpochMilli();
    // Computed like the Redis store does, so cancelTimer(key, now.plus(lease)) matches the claim.
    long leaseEnd = now.plus(lease).toEpochMilli();
    List<Map.Entry<String, Long>> due = new ArrayList<>();
    scores.forEach((key, score) -> {
      if (score <= nowMs) {
        due.add(Map.entry(key, score));
      }
    });
    due.sort(Map.Entry.comparingByValue());
    List<String> claimed = new ArrayList<>();
    for (Map.Entry<String, Long> candidate : due) {
      if (claimed.size() == limit) {
        break;
      }
      // Loses when another claimer, a reschedule or a cancel got there first: skip it.
      if (scores.replace(candidate.getKey(), candidate.getValue(), leaseEnd)) {
        claimed.add(candidate.getKey());
      }
    }
    return claimed;
  }
}
