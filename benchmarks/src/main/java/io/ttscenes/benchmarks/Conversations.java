package io.ttscenes.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The users' side of the survey: which update each user is waiting on an answer for, when it was
 * released, and what the final {@code /status} reply said. Users arrive as the {@link Arrivals}
 * say (their first update is released then); the bot's message for a user's update releases that
 * user's next update; every latency is from a release to the message answering it. Its updates go
 * to the feed, so {@link #start}, {@link #arrive} and {@link #message} run on the server's loop
 * thread; {@link #figures} and {@link #await} may be called from any thread.
 */
final class Conversations {
  private static final List<String> EXPECTED = List.of("yes", "my answer", "promo42");

  private final int users;
  private final SurveyUpdates population;
  private final UpdateFeed feed;
  private final Arrivals arrivals;
  private final int[] step;
  private final long[] releasedAt;
  private final String[] q1Mid;
  private final long[] latencies;
  /** When each latency's update was released, in nanoseconds after the first release. */
  private final long[] releasedAfterStart;
  private final AtomicInteger answered = new AtomicInteger();
  private final AtomicInteger wrongStatus = new AtomicInteger();
  private final AtomicInteger unexpected = new AtomicInteger();
  private final AtomicLong firstRelease = new AtomicLong();
  private final AtomicLong lastAnswer = new AtomicLong();
  private final CountDownLatch allFinished;
  /** Users whose first update was released, 0 to N-1 in order; loop thread only. */
  private int arrived;

  /** A population of {@code users} who all arrive at once, the burst. */
  Conversations(int users, SurveyUpdates population, UpdateFeed feed) {
    this(users, population, feed, Arrivals.BURST);
  }

  /** A population of {@code users} who arrive as {@code arrivals} say once {@link #start} ran. */
  Conversations(int users, SurveyUpdates population, UpdateFeed feed, Arrivals arrivals) {
    if (users < 0 || users > SurveyUpdates.MAX_USERS) {
      throw new IllegalArgumentException("users is " + users + "; it must be 0-" + SurveyUpdates.MAX_USERS);
    }
    this.users = users;
    this.population = population;
    this.feed = feed;
    this.arrivals = arrivals;
    this.step = new int[users];
    this.releasedAt = new long[users];
    this.q1Mid = new String[users];
    this.latencies = new long[users * SurveyUpdates.PER_USER];
    this.releasedAfterStart = new long[users * SurveyUpdates.PER_USER];
    this.allFinished = new CountDownLatch(users);
  }

  /**
   * Starts the arrivals, once only: releases the first update of every user due now (all of them,
   * user 0 to N-1, interleaved, in a burst; user 0 alone in the steady shape). Returns whether this
   * call started them (false when an earlier one did).
   */
  boolean start() {
    long now = System.nanoTime();
    if (!firstRelease.compareAndSet(0, now)) {
      return false;
    }
    arrive(now);
    return true;
  }

  /**
   * Releases the first update of every user due by {@code nowNanos} who has not arrived yet, in
   * user order, whatever the bot has answered so far (open loop); nothing before {@link #start}.
   * Returns how many arrived now.
   */
  int arrive(long nowNanos) {
    long start = firstRelease.get();
    int due = start == 0 ? 0 : arrivals.due(nowNanos - start, users);
    if (due <= arrived) {
      return 0;
    }
    List<String> first = new ArrayList<>(due - arrived);
    long millis = System.currentTimeMillis();
    for (int u = arrived; u < due; u++) {
      releasedAt[u] = nowNanos;
      first.add(population.of(u, 0, null, millis));
    }
    int count = due - arrived;
    arrived = due;
    feed.release(first);
    return count;
  }

  /** Returns how many users take the survey. */
  int users() {
    return users;
  }

  /** Returns whether {@link #start} released the first updates already. */
  boolean started() {
    return firstRelease.get() != 0;
  }

  /** Returns whether every user finished the survey. */
  boolean finished() {
    return allFinished.getCount() == 0;
  }

  /**
   * Takes the bot's message with {@code text} to user {@code u}, which got id {@code mid}: records
   * the latency of the update it answers and releases the user's next update.
   */
  void message(int u, String text, String mid) {
    long now = System.nanoTime();
    if (u < 0 || u >= arrived) {
      unexpected.incrementAndGet();
      return;
    }
    String next;
    synchronized (this.lockOf(u)) {
      int current = step[u];
      if (current >= SurveyUpdates.PER_USER) {
        unexpected.incrementAndGet();
        return;
      }
      latencies[u * SurveyUpdates.PER_USER + current] = now - releasedAt[u];
      releasedAfterStart[u * SurveyUpdates.PER_USER + current] = releasedAt[u] - firstRelease.get();
      step[u] = current + 1;
      if (current == 0) {
        q1Mid[u] = mid;
      }
      if (current == SurveyUpdates.PER_USER - 1) {
        finish(text, now);
        return;
      }
      releasedAt[u] = System.nanoTime();
      next = population.of(u, current + 1, q1Mid[u], System.currentTimeMillis());
    }
    answered.incrementAndGet();
    lastAnswer.accumulateAndGet(now, Math::max);
    feed.release(next);
  }

  private void finish(String statusReply, long now) {
    if (!EXPECTED.stream().allMatch(statusReply::contains)) {
      wrongStatus.incrementAndGet();
    }
    answered.incrementAndGet();
    lastAnswer.accumulateAndGet(now, Math::max);
    allFinished.countDown();
  }

  private Object lockOf(int u) {
    // message() runs on the server's loop thread while figures() may read from another; striped so
    // a figures() call never holds up the loop for all users at once.
    return STRIPES[u & (STRIPES.length - 1)];
  }

  private static final Object[] STRIPES = new Object[64];

  static {
    Arrays.setAll(STRIPES, i -> new Object());
  }

  /** Waits up to {@code timeout} for every user to finish; returns whether they all did. */
  boolean await(long timeout, TimeUnit unit) throws InterruptedException {
    return allFinished.await(timeout, unit);
  }

  /** Returns the figures so far; {@code apiCalls} is counted by the server. */
  Figures figures(long apiCalls) {
    int done = answered.get();
    long start = firstRelease.get();
    double secs = start == 0 || done == 0 ? 0 : (lastAnswer.get() - start) / 1e9;
    long[] measured = measuredLatencies();
    int errors = wrongStatus.get() + (int) allFinished.getCount();
    return new Figures(done, secs, percentileMillis(measured, 50), percentileMillis(measured, 90),
        percentileMillis(measured, 99), apiCalls, errors, unexpected.get());
  }

  /**
   * The answered latencies by when their update was released: the first {@code seconds} seconds
   * one by one, then the rest, each as count, p50, p99 and max in ms. Shows what a cold start's
   * first seconds cost apart from the steady state.
   */
  String timeline(int seconds) {
    List<List<Long>> buckets = new ArrayList<>();
    for (int i = 0; i <= seconds; i++) {
      buckets.add(new ArrayList<>());
    }
    for (int u = 0; u < users; u++) {
      synchronized (lockOf(u)) {
        for (int s = 0; s < step[u]; s++) {
          int i = u * SurveyUpdates.PER_USER + s;
          buckets.get((int) Math.min(seconds, releasedAfterStart[i] / 1_000_000_000L)).add(latencies[i]);
        }
      }
    }
    StringBuilder line = new StringBuilder();
    for (int b = 0; b <= seconds; b++) {
      long[] sorted = buckets.get(b).stream().mapToLong(Long::longValue).sorted().toArray();
      line.append(b < seconds ? b + "-" + (b + 1) + "s" : ">=" + seconds + "s").append(String.format(Locale.ROOT,
          ": n=%d p50=%.1f p99=%.1f max=%.1f; ", sorted.length, percentileMillis(sorted, 50),
          percentileMillis(sorted, 99), percentileMillis(sorted, 100)));
    }
    return line.toString().trim();
  }

  private long[] measuredLatencies() {
    long[] out = new long[latencies.length];
    int n = 0;
    for (int u = 0; u < users; u++) {
      synchronized (lockOf(u)) {
        for (int s = 0; s < step[u]; s++) {
          out[n++] = latencies[u * SurveyUpdates.PER_USER + s];
        }
      }
    }
    long[] measured = Arrays.copyOf(out, n);
    Arrays.sort(measured);
    return measured;
  }

  private static double percentileMillis(long[] sorted, int percentile) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }
}
