package io.ttscenes.runtime.ingress;

/**
 * Whether this instance may poll now: always without a lease, only while holding it with one
 * ({@link PollerLease}). The poll loop waits for it before a term of polling and checks it before
 * every page.
 */
interface PollGate {

  /** A gate that is always open: the only poller of its bot. */
  PollGate ALWAYS = new PollGate() {
    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public boolean awaitOpen(Lifecycle lifecycle) {
      return !lifecycle.isStopping();
    }
  };

  /** Whether polling may go on. */
  boolean isOpen();

  /**
   * Blocks until polling may start (true) or the ingress is stopping (false); stop interrupts the
   * wait.
   */
  boolean awaitOpen(Lifecycle lifecycle);

  /** Starts whatever keeps the gate up to date; the first attempt runs on the calling thread. */
  default void start() {}

  /** Stops keeping the gate and gives up what it holds; called after the poll loop finished. */
  default void stop() {}
}
