package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ttscenes.api.Context;
import java.util.Objects;

/**
 * A continuation a handler attached to a recorded message call ({@code ctx.reply(..).then(name)}):
 * stored in the outbox beside the call, by name with the handler's payload as JSON, so whichever
 * instance sends the call (also outbox recovery after a crash) can hand the outcome back to the
 * session. {@code id} is set when the commit is planned (null before), the same in every re-run;
 * the outcome goes to the session's own inbox under it, which makes it count once. {@code order}
 * is set with it (null in outboxes of a release before it): the outcome's place among the
 * session's signals to itself.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Continuation(String name, JsonNode payload, String id, SignalOrder order) {
  Continuation {
    Context.checkContinuationName(name);
  }

  /** This continuation with its id and order, set when the commit that carries it is planned. */
  Continuation withId(String continuationId, SignalOrder signalOrder) {
    return new Continuation(name, payload, Objects.requireNonNull(continuationId, "continuationId"),
        Objects.requireNonNull(signalOrder, "signalOrder"));
  }
}
