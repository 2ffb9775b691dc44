package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.store.DeadLetter;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Puts a dead letter taken from the store back through the normal path: an update to its
 * session's lane as if it had just come in, a reply's unsent calls to its session's lane behind
 * anything parked there (under a fresh entry id, so its own attempts and age start over).
 */
final class Replay {
  private final ObjectMapper mapper;
  private final Function<Update, CompletableFuture<Void>> submit;
  private final Outboxes outboxes;
  private final Supplier<String> owner;
  private final Lanes lanes;

  /** {@code owner} is the instance id a replayed reply is sent under (this instance's lease). */
  Replay(ObjectMapper mapper, Function<Update, CompletableFuture<Void>> submit, Outboxes outboxes,
      Supplier<String> owner, Lanes lanes) {
    this.mapper = mapper;
    this.submit = submit;
    this.outboxes = outboxes;
    this.owner = owner;
    this.lanes = lanes;
  }

  /** Starts the replay of {@code letter}; see {@link Dispatcher#replayDeadLetter}. */
  CompletableFuture<Void> start(DeadLetter letter) {
    return switch (letter.kind()) {
      case UPDATE -> submit.apply(read(letter, Update.class));
      case REPLY -> reply(letter, read(letter, OutboxPayload.class));
      case UNREADABLE -> throw new IllegalArgumentException("dead letter " + letter.id()
          + " is a body that is no update; it is kept as evidence and cannot be replayed");
    };
  }

  private CompletableFuture<Void> reply(DeadLetter letter, OutboxPayload payload) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    String key = letter.session();
    lanes.submit(key, () -> {
      try {
        outboxes.deliver(key, "replay:" + letter.id(), owner.get(), payload.effects());
        done.complete(null);
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    });
    return done;
  }

  private <T> T read(DeadLetter letter, Class<T> type) {
    try {
      T value = mapper.readValue(letter.payload(), type);
      if (value == null) {
        throw new IllegalArgumentException("dead letter " + letter.id() + " holds JSON null");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("dead letter " + letter.id() + " cannot be read as a "
          + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }
}
