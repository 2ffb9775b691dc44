package io.ttscenes.runtime.ingress;

import io.ttscenes.api.client.BotApi;
import io.ttscenes.api.client.UpdatesRequest;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.client.Sleeper;
import java.time.Clock;
import java.time.Duration;

/**
 * What the poll loop is built from; assembled by {@link LongPollIngress.Builder}.
 * {@code pollAgainAfter}: how long a page with room left may wait for its slowest update before
 * the loop polls again from the same marker, so later updates are not held back by it.
 * {@code markerSaveInterval}: the least time between two stores of a moved marker (zero: after
 * every page); a marker held back by it is stored with a later page, an empty poll, or on stop.
 */
record PollSettings(
    BotApi api,
    Dispatcher dispatcher,
    SessionStore store,
    UpdatesRequest request,
    Backoff backoff,
    Duration unauthorizedRetry,
    Sleeper sleeper,
    Clock clock,
    int deadLetterAfter,
    Duration pollAgainAfter,
    Duration markerSaveInterval) {}
