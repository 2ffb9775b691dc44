package io.ttscenes.runtime.engine;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One FIFO lane per session key on a shared executor: tasks of one key run one at a time in
 * submission order, different keys run in parallel. A lane exists only while it has work, so idle
 * keys cost no memory. All lanes together hold at most {@code capacity} tasks; {@link #submit}
 * blocks while they are full, which slows the ingress down instead of dropping updates.
 */
final class Lanes {
  private final Executor executor;
  private final int capacity;
  private final Semaphore permits;
  private final RuntimeListener listener;
  private final ConcurrentHashMap<String, Queue<Runnable>> lanes = new ConcurrentHashMap<>();
  // Counted apart from the permits: drain() holds every permit for a moment, which must not
  // show up as a full queue.
  private final AtomicInteger depth = new AtomicInteger();
  private volatile boolean closing;

  Lanes(Executor executor, int capacity, RuntimeListener listener) {
    this.executor = executor;
    this.capacity = capacity;
    this.permits = new Semaphore(capacity, true);
    this.listener = listener;
  }

  /**
   * Queues {@code task} on {@code key}'s lane, blocking while all lanes are full.
   *
   * @throws IllegalStateException once {@link #drain} began, also when it began while this call
   *     waited for room (the task is then not queued)
   */
  void submit(String key, Runnable task) {
    refuseIfClosing(key);
    permits.acquireUninterruptibly();
    enqueue(key, task);
  }

  /**
   * As {@link #submit}, but waits at most {@code timeout} for room; returns false (the task is
   * not queued) when there was none in time or the thread was interrupted (its flag is kept).
   *
   * @throws IllegalStateException once {@link #drain} began, as {@link #submit}
   */
  boolean trySubmit(String key, Runnable task, Duration timeout) {
    refuseIfClosing(key);
    try {
      if (!permits.tryAcquire(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS)) {
        return false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    enqueue(key, task);
    return true;
  }

  /** Queues {@code task} once its caller holds a permit. */
  private void enqueue(String key, Runnable task) {
    // Checked again holding the permit: a drain that began meanwhile may already have finished,
    // and a task queued after it would never run.
    if (closing) {
      permits.release();
      refuseIfClosing(key);
    }
    depth.incrementAndGet();
    boolean[] start = {false};
    lanes.compute(key, (k, queue) -> {
      Queue<Runnable> lane = queue == null ? new ConcurrentLinkedQueue<>() : queue;
      lane.add(task);
      start[0] = queue == null;
      return lane;
    });
    reportDepth();
    if (start[0]) {
      executor.execute(() -> runNext(key));
    }
  }

  private void refuseIfClosing(String key) {
    if (closing) {
      throw new IllegalStateException("dispatcher is draining or closed; update for session "
          + key + " was not accepted");
    }
  }

  /** Returns whether {@code key}'s lane has tasks waiting behind the running one. */
  boolean hasQueued(String key) {
    boolean[] queued = {false};
    lanes.computeIfPresent(key, (k, queue) -> {
      queued[0] = queue.size() > 1;
      return queue;
    });
    return queued[0];
  }

  /** Returns how many sessions have a lane right now (queued or running work). */
  int activeLanes() {
    return lanes.size();
  }

  /** Returns whether every place is taken: the next submit would wait for room. */
  boolean isFull() {
    return depth.get() >= capacity;
  }

  /** Returns whether a submitter is waiting for room. */
  boolean hasBlockedSubmitters() {
    return permits.hasQueuedThreads();
  }

  boolean isClosing() {
    return closing;
  }

  /** Stops accepting tasks and waits for the queued ones; returns whether all finished in time. */
  boolean drain(Duration timeout) {
    closing = true;
    try {
      if (permits.tryAcquire(capacity, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        permits.release(capacity);
        return true;
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void runNext(String key) {
    // The head stays in the queue while it runs, so the lane keeps existing and later tasks queue.
    Runnable task = lanes.get(key).peek();
    try {
      task.run();
    } finally {
      boolean[] more = {false};
      lanes.computeIfPresent(key, (k, queue) -> {
        queue.remove();
        more[0] = !queue.isEmpty();
        return more[0] ? queue : null;
      });
      depth.decrementAndGet();
      reportDepth();
      // Released after the bookkeeping and its report, so a finished drain never sees a lane of
      // finished work or a stale depth.
      permits.release();
      if (more[0]) {
        // Re-queued on the executor rather than looped here, so one busy session cannot starve others.
        executor.execute(() -> runNext(key));
      }
    }
  }

  private void reportDepth() {
    // Measured and reported under one lock, so the last report always shows the latest depth.
    synchronized (permits) {
      listener.laneDepth(depth.get());
    }
  }
}
