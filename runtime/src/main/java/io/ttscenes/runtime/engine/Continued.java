package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ttscenes.api.SendFailure;
import io.ttscenes.api.Sent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a message call that carried a continuation, as it travels through the session's
 * own inbox: the continuation's name and payload and either what TamTam answered ({@code mid},
 * {@code chat}, {@code time}) or its refusal ({@code status}, {@code code}, {@code message}).
 * Absent fields are null in this wire form only; {@link #sent()} and {@link #failure()} read it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Continued(String name, JsonNode payload, String mid, Long chat, Long time, String operation,
    Integer status, String code, String message) {

  /** The inbox entry type of an accepted call's outcome (a name no payload class can have). */
  static final String SENT_TYPE = "ttscenes.sent";
  /** The inbox entry type of a refused call's outcome. */
  static final String FAILED_TYPE = "ttscenes.send-failed";

  Continued {
    Objects.requireNonNull(name, "name");
    if ((mid == null) == (status == null)) {
      throw new IllegalArgumentException("continuation '" + name + "' must carry a sent message or a refusal");
    }
  }

  static Continued sent(Continuation then, Sent sent) {
    return new Continued(then.name(), then.payload(), sent.messageId(), sent.chatId().orElse(null),
        sent.time().toEpochMilli(), null, null, null, null);
  }

  static Continued failed(Continuation then, SendFailure failure) {
    return new Continued(then.name(), then.payload(), null, null, null, failure.operation(), failure.status(),
        failure.code(), failure.message());
  }

  /** Whether a signal type names a continuation's outcome rather than a payload class. */
  static boolean isContinuation(String type) {
    return SENT_TYPE.equals(type) || FAILED_TYPE.equals(type);
  }

  @JsonIgnore
  String type() {
    return mid != null ? SENT_TYPE : FAILED_TYPE;
  }

  Optional<Sent> sent() {
    return mid == null ? Optional.empty()
        : Optional.of(new Sent(mid, Optional.ofNullable(chat), Instant.ofEpochMilli(time == null ? 0 : time)));
  }

  Optional<SendFailure> failure() {
    return status == null ? Optional.empty()
        : Optional.of(new SendFailure(operation == null ? "" : operation, status, code == null ? "" : code,
            message == null ? "" : message));
  }
}
