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
 * the outcome goes to the session's own inbox under it, which makes it count once.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Continuation(String name, JsonNode payload, String id) {
  Continuation {
    Context.checkContinuationName(name);
  }

  /** This continuation with its id, set when the commit that carries it is planned. */
  Continuation withId(String continuationId) {
    return new Continuation(name, payload, Objects.requireNonNull(continuationId, "continuationId"));
  }
}
