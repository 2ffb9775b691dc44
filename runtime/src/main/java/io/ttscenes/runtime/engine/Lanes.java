package io.ttscenes.runtime.engine;

import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One FIFO lane per session key on a shared executor: tasks of one key run one at a time in
 * submission order, different keys run in parallel. A lane exists only while it has work, so idle
 * keys cost no memory. All lanes together hold at most {@code capacity} tasks; {@link #submit}
 * blocks while they are full, which slows the ingress down instead of dropping updates. A task
 * stuck past the handler deadline is replaced in its lane ({@link #handOver}); on a pool the lanes
 * own, a thread is added while the stuck one is away, so stuck code never takes the pool's threads.
 */
final class Lanes {
  private final Executor executor;
  private final int capacity;
  private final Semaphore permits;
  private final RuntimeListener listener;
  private final ConcurrentHashMap<String, Deque<Runnable>> lanes = new ConcurrentHashMap<>();
  // The pool to lend a thread from while a stuck task keeps one; null when the executor is not ours.
  private final ThreadPoolExecutor ownPool;
  // Counted apart from the permits: drain() holds every permit for a moment, which must not
  // show up as a full queue.
  private final AtomicInteger depth = new AtomicInteger();
  private volatile boolean closing;
  private volatile boolean stopped;

  Lanes(Executor executor, int capacity, RuntimeListener listener) {
    this(executor, false, capacity, listener);
  }

  /** With {@code ownsExecutor} and a {@link ThreadPoolExecutor}, stuck tasks get a thread added. */
  Lanes(Executor executor, boolean ownsExecutor, int capacity, RuntimeListener listener) {
    this.executor = executor;
    this.ownPool = ownsExecutor && executor instanceof ThreadPoolExecutor pool ? pool : null;
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
      Deque<Runnable> lane = queue == null ? new ConcurrentLinkedDeque<>() : queue;
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

  /** Ends the lanes for good: tasks still running must neither commit nor send (see {@link #isStopped}). */
  void stop() {
    closing = true;
    stopped = true;
  }

  /** Whether {@link #stop} was called: a task that sees it leaves its work undone for redelivery. */
  boolean isStopped() {
    return stopped;
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

  /** How many tasks are queued or running across all lanes now. */
  int depth() {
    return depth.get();
  }

  /**
   * Replaces the task running at the head of {@code key}'s lane, which overran its deadline, with
   * {@code replacement}, and runs the lane on another thread: the replacement keeps the place and
   * the permit, and the stuck thread's return does no bookkeeping. Call only while that task is
   * known to be running (its deadline watch holds it inside).
   */
  void handOver(String key, Runnable replacement) {
    lanes.computeIfPresent(key, (k, queue) -> {
      queue.pollFirst();
      queue.addFirst(replacement);
      return queue;
    });
    growPool(1);
    executor.execute(() -> runNext(key));
  }

  private void runNext(String key) {
    // The head stays in the queue while it runs, so the lane keeps existing and later tasks queue.
    Runnable task = lanes.get(key).peekFirst();
    try {
      task.run();
    } finally {
      finished(key, task);
    }
  }

  private void finished(String key, Runnable task) {
    boolean[] mine = {false};
    boolean[] more = {false};
    lanes.computeIfPresent(key, (k, queue) -> {
      if (queue.peekFirst() != task) {
        return queue;
      }
      mine[0] = true;
      queue.removeFirst();
      more[0] = !queue.isEmpty();
      return more[0] ? queue : null;
    });
    if (!mine[0]) {
      // Handed over while stuck: its replacement holds the place; this thread's loan ends.
      growPool(-1);
      return;
    }
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

  /** Adds (or takes back) pool threads lent while stuck tasks hold theirs. */
  private void growPool(int by) {
    if (ownPool == null) {
      return;
    }
    synchronized (ownPool) {
      if (by > 0) {
        ownPool.setMaximumPoolSize(ownPool.getMaximumPoolSize() + by);
        ownPool.setCorePoolSize(ownPool.getCorePoolSize() + by);
      } else {
        ownPool.setCorePoolSize(ownPool.getCorePoolSize() + by);
        ownPool.setMaximumPoolSize(ownPool.getMaximumPoolSize() + by);
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
