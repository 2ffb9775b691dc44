package io.ttscenes.runtime.ingress;

import io.ttscenes.api.client.BotApi;
import io.ttscenes.api.client.UpdatesRequest;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.client.Sleeper;
import java.time.Clock;
import java.time.Duration;

/** What the poll loop is built from; assembled by {@link LongPollIngress.Builder}. */
record PollSettings(
    BotApi api,
    Dispatcher dispatcher,
    SessionStore store,
    UpdatesRequest request,
    Backoff backoff,
    Duration unauthorizedRetry,
    Sleeper sleeper,
    Clock clock,
    int deadLetterAfter) {}
