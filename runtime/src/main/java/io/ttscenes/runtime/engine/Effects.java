package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.api.SendFailure;
import io.ttscenes.api.client.ApiRejectedException;
import io.ttscenes.api.client.ApiUnavailableException;
import io.ttscenes.api.client.BotApi;
import io.ttscenes.api.client.MalformedResponseException;
import io.ttscenes.api.store.StoreUnavailableException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends recorded effects through the Bot API in order. A call the API rejects (4xx) or that is
 * malformed is logged, counted and skipped, so one bad call does not hold back the rest; a call
 * that fails as retryable (after the client's own retries) stops the run so the rest is sent later
 * in the same order. Signals go to their target's inbox in the store the same way: a store that
 * is unavailable stops the run like an unavailable API. A call carrying a continuation is made
 * reading TamTam's answer, and its outcome goes to the session's own inbox as a signal.
 */
final class Effects {
  private static final Logger LOG = LoggerFactory.getLogger(Effects.class);

  private final BotApi api;
  private final RuntimeListener listener;
  private final Signals signals;
  private final ObjectMapper mapper;
  private final Clock clock;

  Effects(BotApi api, RuntimeListener listener, Signals signals, ObjectMapper mapper, Clock clock) {
    this.api = api;
    this.listener = listener;
    this.signals = signals;
    this.mapper = mapper;
    this.clock = clock;
  }

  /**
   * Sends {@code effects} from index {@code from}; returns the index of the first effect left
   * unsent because the API or the store is unavailable, or {@code effects.size()} when none is
   * left. A call with a continuation that was made is replaced in {@code effects} (which must be
   * mutable) by the signal carrying its outcome, so a retry delivers that and never makes the
   * call twice.
   */
  int send(String key, List<Effect> effects, int from) {
    for (int i = from; i < effects.size(); i++) {
      Effect effect = effects.get(i);
      try {
        if (effect instanceof Effect.Signal signal) {
          signals.deliver(signal);
        } else if (effect instanceof Effect.MessageCall call && call.then() != null) {
          // The call is counted where it is made; from here on this effect is its outcome's delivery.
          Effect.Signal outcome = continued(key, call);
          effects.set(i, outcome);
          effect = outcome;
          signals.deliver(outcome);
        } else {
          effect.send(api);
        }
        listener.effectSent(effect.operation());
      } catch (ApiUnavailableException | StoreUnavailableException e) {
        LOG.warn("session {}: {} failed as retryable ({}); {} call(s) of the outbox kept for a later retry",
            key, effect.operation(), e.getMessage(), effects.size() - i);
        listener.effectFailed(effect.operation(), true);
        return i;
      } catch (MalformedResponseException e) {
        // The server accepted the call; only its answer was unreadable, so it counts as sent.
        LOG.warn("session {}: {} was sent but its response was malformed: {}", key,
            effect.operation(), e.getMessage());
        listener.effectSent(effect.operation());
      } catch (RuntimeException e) {
        LOG.error("session {}: {} was rejected and is dropped: {}", key, effect.operation(),
            e.getMessage(), e);
        listener.effectFailed(effect.operation(), false);
      }
    }
    return effects.size();
  }

  /**
   * Makes a call that carries a continuation and returns the signal with its outcome: what TamTam
   * answered (counted as a sent call), or its refusal for good (counted as a failed call). An
   * unavailable API propagates, so the call stays in the outbox; an answer without a message id,
   * too (malformed: sent, but the continuation cannot be given what it needs, so it is logged and
   * dropped).
   */
  private Effect.Signal continued(String key, Effect.MessageCall call) {
    Continued outcome;
    try {
      outcome = Continued.sent(call.then(), call.sendReading(api, clock.instant()));
      listener.effectSent(call.operation());
    } catch (ApiRejectedException e) {
      LOG.warn("session {}: {} was refused ({} {}); continuation '{}' takes the failure path", key,
          call.operation(), e.status(), e.code(), call.then().name());
      listener.effectFailed(call.operation(), false);
      outcome = Continued.failed(call.then(), new SendFailure(call.operation(), e.status(), e.code(),
          e.apiMessage()));
    }
    return Signals.outcome(mapper, key, call.then(), outcome);
  }
}
