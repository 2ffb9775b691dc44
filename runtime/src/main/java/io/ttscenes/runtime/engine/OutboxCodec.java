package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads outbox entries' payloads: the planning step encodes what a commit carries, and
 * recovery decodes what a crash left in the store. Each message body is written once, for the
 * entry and for the send. Stateless and thread-safe.
 */
final class OutboxCodec {
  /** An outbox entry's JSON and its effects to send, each message body written once for both. */
  record Encoded(String json, List<Effect> effects) {}

  private final ObjectMapper mapper;
  // Writes a payload with the message bodies its sends already carry as JSON text.
  private final ObjectWriter payloadWriter;

  OutboxCodec(ObjectMapper mapper) {
    this.mapper = mapper;
    this.payloadWriter = mapper.copy()
        .registerModule(new SimpleModule().addSerializer(Effect.Send.class, new WireBodySerializer()))
        .writerFor(OutboxPayload.class);
  }

  /**
   * Writes {@code payload} as JSON, the same text Jackson writes for it, except that each message
   * body is written first on its own and copied in, so that the send can reuse it.
   *
   * @throws UnwritableStateException if an effect cannot be written as JSON
   */
  Encoded encode(OutboxPayload payload) {
    try {
      List<Effect> ready = withWireBodies(payload.effects());
      // Through UTF-8 bytes, as the bodies: a lone surrogate in an edit or answer then stays
      // escaped instead of turning into '?' when the store encodes the entry.
      String json = new String(payloadWriter.writeValueAsBytes(
          new OutboxPayload(payload.createdAt(), payload.updateId(), ready, payload.owner())), StandardCharsets.UTF_8);
      return new Encoded(json, ready);
    } catch (IOException | IllegalArgumentException e) {
      throw new UnwritableStateException("could not write the outbox of update " + payload.updateId()
          + ": " + e.getMessage(), e);
    }
  }

  /** The effects with each message body written as JSON text once, for the outbox and the send. */
  private List<Effect> withWireBodies(List<Effect> effects) throws IOException {
    List<Effect> ready = new ArrayList<>(effects.size());
    for (Effect effect : effects) {
      if (effect instanceof Effect.Send send && send.wireBody() == null) {
        // Written as UTF-8 bytes and read back, not written to a String: the byte writer escapes a
        // lone surrogate (a text cut inside an emoji) as \uD83D, which then survives the UTF-8
        // encoding of the request, where a raw one would turn into '?'.
        ready.add(send.withWireBody(new String(mapper.writeValueAsBytes(send.body()), StandardCharsets.UTF_8)));
      } else {
        ready.add(effect);
      }
    }
    return ready;
  }

  /** Reads an entry's payload; {@link IllegalStateException} when it is not one. */
  OutboxPayload decode(String json) {
    try {
      return mapper.readValue(json, OutboxPayload.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not read an outbox entry: " + e.getOriginalMessage(), e);
    }
  }
}
