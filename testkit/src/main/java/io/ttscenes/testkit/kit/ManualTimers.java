package io.ttscenes.testkit.kit;

import io.ttscenes.api.store.ForwardingSessionStore;
import io.ttscenes.api.store.SessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The store as the runtime sees it in a test: everything goes to the real store except that the
 * runtime's own timer poller never claims a timer. Scene timeouts fire only from
 * {@link BotTester#advance}, on the test's thread, so whether a timeout has run never depends on
 * when a background poll happened. Closing is left to the tester.
 */
final class ManualTimers extends ForwardingSessionStore {

  ManualTimers(SessionStore store) {
    super(store);
  }

  @Override
  public List<String> claimDueTimers(Instant now, Duration lease, int limit) {
    return List.of();
  }

  @Override
  public void close() {
    // The tester closes the store it made; a store it was given stays open for its owner.
  }
}
