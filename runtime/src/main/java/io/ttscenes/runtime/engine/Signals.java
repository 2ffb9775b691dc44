package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttscenes.api.store.InboxEntry;
import io.ttscenes.api.store.SessionStore;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Carries out recorded signals after the sender's commit: each goes to its target's inbox in the
 * store (which also makes the target's timer due, so any instance picks it up), then its
 * {@link Arrival} is published to the listeners wired once, so the target's lane in this process
 * usually runs it at once. A signal delivered again after a
 * crash keeps its id: the inbox holds it once, and the target's recent ids skip one it handled.
 */
final class Signals {

  /**
   * What a signal carries in the inbox: the sender's key, the payload's class name, the payload,
   * and its {@link SignalOrder} among the sender's signals (absent in entries a release before it
   * delivered, and in those it delivers from outboxes such a release wrote). A release before it
   * reads the entry as before: its mapper skips the unknown field. Written, never read back here:
   * the order only chooses the entry to handle ({@link #next}, through {@link Header}), so an
   * entry whose order cannot be read is still a signal ({@link #read} leaves it null).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(value = "order", allowGetters = true)
  record Message(String from, String type, JsonNode payload, SignalOrder order) {
    Message {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(type, "type");
    }
  }

  /** The part of a {@link Message} that orders it, read without the payload. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Header(String from, SignalOrder order) {}

  /** A signal was just put in the inbox of session {@code target}: its lane here may run it at once. */
  record Arrival(String target) {
    Arrival {
      Objects.requireNonNull(target, "target");
    }
  }

  private final SessionStore store;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final List<Consumer<Arrival>> listeners = new CopyOnWriteArrayList<>();

  Signals(SessionStore store, ObjectMapper mapper, Clock clock) {
    this.store = store;
    this.mapper = mapper;
    this.clock = clock;
  }

  /**
   * Tells {@code listener} of each delivery from now on, on the delivering thread (it must not
   * block). Wired once by the owner of the lanes, which decides what an arrival starts: Signals
   * itself knows nothing above it.
   */
  void onArrival(Consumer<Arrival> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Appends {@code signal} to its target's inbox; store failures propagate (the caller retries). */
  void deliver(Effect.Signal signal) {
    if (signal.id() == null) {
      throw new IllegalStateException("signal to " + signal.target() + " has no id: its commit did not plan it");
    }
    String json;
    try {
      json = mapper.writeValueAsString(new Message(signal.from(), signal.type(), signal.payload(), signal.order()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("signal " + signal.id() + " cannot be written: " + e.getMessage(), e);
    }
    store.appendSignal(signal.target(), new InboxEntry(signal.id(), clock.instant(), json));
    Arrival arrival = new Arrival(signal.target());
    listeners.forEach(listener -> listener.accept(arrival));
  }

  /**
   * The entry of {@code inbox} (as the store lists it, oldest first: by delivery time, then id) to
   * handle next: the oldest entry, unless its sender has an entry waiting that it committed
   * earlier (a lower {@link SignalOrder}), then the earliest of those. So a sender's signals that
   * wait together are handled in its commit order whatever their delivery times (equal under a
   * frozen clock or within a millisecond, or skewed between instances) and ids; signals of
   * different senders go by delivery time. An entry without an order (delivered by a release
   * before it) or unreadable is never passed over: it is handled when it is the oldest.
   */
  static InboxEntry next(ObjectMapper mapper, List<InboxEntry> inbox) {
    InboxEntry oldest = inbox.get(0);
    if (inbox.size() == 1) {
      return oldest;
    }
    Header first = header(mapper, oldest);
    if (first == null) {
      return oldest;
    }
    InboxEntry next = oldest;
    SignalOrder lowest = first.order();
    // A signal's id starts with its sender's key ({@link EffectId}): other senders' entries are
    // not read at all, so a target many sessions signal reads about one header per handle.
    String sender = first.from() + "#";
    for (int i = 1; i < inbox.size(); i++) {
      InboxEntry entry = inbox.get(i);
      if (!entry.id().startsWith(sender)) {
        continue;
      }
      Header header = header(mapper, entry);
      if (header != null && header.from().equals(first.from()) && header.order().compareTo(lowest) < 0) {
        next = entry;
        lowest = header.order();
      }
    }
    return next;
  }

  /** The sender and order of {@code entry}; null without both (an older entry, or unreadable). */
  private static Header header(ObjectMapper mapper, InboxEntry entry) {
    try {
      Header header = mapper.readValue(entry.payload(), Header.class);
      return header != null && header.from() != null && header.order() != null ? header : null;
    } catch (JsonProcessingException | RuntimeException e) {
      // Unreadable: handled (and dropped) when it is the oldest, as before.
      return null;
    }
  }

  /** Reads an inbox entry back; {@link IllegalArgumentException} when it is not a signal's JSON. */
  static Message read(ObjectMapper mapper, InboxEntry entry) {
    try {
      return mapper.readValue(entry.payload(), Message.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("inbox entry " + entry.id() + " is not a signal: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the outcome of a continuation back from a signal {@code message} of a continuation type;
   * {@link IllegalArgumentException} when it is not one's JSON.
   */
  static Continued continued(ObjectMapper mapper, InboxEntry entry, Message message) {
    try {
      return mapper.treeToValue(message.payload(), Continued.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException("inbox entry " + entry.id() + " is not a continuation's outcome: "
          + e.getMessage(), e);
    }
  }

  /**
   * The outcome of a continuation as a signal from the session {@code key} to itself, under the
   * continuation's id: delivered like any signal, so it is kept once and consumed once.
   */
  static Effect.Signal outcome(ObjectMapper mapper, String key, Continuation then, Continued outcome) {
    return new Effect.Signal(key, then.id(), key, outcome.type(), mapper.valueToTree(outcome), then.order());
  }

  /** The dedupe id of signal {@code id} in its target's recent ids. */
  static DedupeId dedupeId(String id) {
    return DedupeId.signal(id);
  }
}
