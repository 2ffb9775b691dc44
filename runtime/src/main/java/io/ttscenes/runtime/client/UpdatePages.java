package io.ttscenes.runtime.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.ttscenes.api.model.UnreadableUpdate;
import io.ttscenes.api.model.Update;
import io.ttscenes.api.model.UpdateList;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a long-poll page update by update: one update the model cannot bind is dropped from the
 * page's updates (logged without its content, which may hold a user's text, contact or location)
 * and returned in the page's {@link UpdateList#unreadable()} list (and to the listener), so it
 * cannot turn the whole page into a malformed answer that is polled again forever. The same
 * unreadable update read again (a page polled again from an unmoved marker) is returned and
 * reported once. Thread-safe.
 */
final class UpdatePages {
  private static final Logger LOG = LoggerFactory.getLogger(OkHttpBotApi.class);
  private static final int REMEMBERED = 256;

  /** The page's shape; its updates stay JSON until each is bound on its own. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record RawPage(List<JsonNode> updates, Long marker) {}

  /** The page's shape bound in one pass, for a page whose updates all bind. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record BoundPage(List<Update> updates, Long marker) {}

  private final ObjectMapper mapper;
  private final ObjectReader boundPages;
  private final JsonAnswers answers;
  private final UnreadableUpdateListener unreadable;
  // The unreadable updates reported lately: long polling asks for a page again while one of its
  // updates is slow, and the same unreadable update must not be logged and counted each time.
  private final Set<JsonNode> reported = Collections.newSetFromMap(new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<JsonNode, Boolean> eldest) {
      return size() > REMEMBERED;
    }
  });

  UpdatePages(ObjectMapper mapper, UnreadableUpdateListener unreadable) {
    this.mapper = mapper;
    this.unreadable = unreadable;
    // A key named twice fails the one pass: binding an update takes the first update_type it meets,
    // the JSON tree keeps the last, and an update must read the same whichever path its page takes.
    this.boundPages = mapper.readerFor(BoundPage.class).with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    this.answers = new JsonAnswers(mapper);
  }

  /**
   * Reads a page answered with {@code status}: in one pass when every update binds (almost
   * always), else JSON tree first and update by update, so one unreadable update is dropped
   * alone. A body that is not a page at all is a {@link io.ttscenes.api.client.MalformedResponseException}.
   */
  UpdateList read(String operation, int status, byte[] body) {
    try {
      BoundPage page = boundPages.readValue(body);
      if (page != null && (page.updates() == null || !page.updates().contains(null))) {
        return new UpdateList(page.updates() == null ? List.of() : page.updates(), page.marker(), List.of());
      }
    } catch (IOException | RuntimeException e) {
      // Some update (or the page) does not bind: the slow path below finds which, or says why.
    }
    return read(answers.read(operation, status, body, RawPage.class));
  }

  UpdateList read(RawPage page) {
    List<JsonNode> raw = page.updates() == null ? List.of() : page.updates();
    List<Update> updates = new ArrayList<>(raw.size());
    List<UnreadableUpdate> unread = new ArrayList<>(0);
    for (int i = 0; i < raw.size(); i++) {
      JsonNode node = raw.get(i);
      try {
        Update update = mapper.treeToValue(node, Update.class);
        if (update == null) {
          throw JsonMappingException.from(mapper.getDeserializationContext(), "the update is JSON null");
        }
        updates.add(update);
      } catch (JsonProcessingException | IllegalArgumentException e) {
        drop(node, i, raw.size(), page.marker(), e).ifPresent(unread::add);
      }
    }
    return new UpdateList(updates, page.marker(), unread);
  }

  /** Logs and reports an update that cannot be read; empty when it was reported before. */
  private Optional<UnreadableUpdate> drop(JsonNode node, int index, int size, Long marker, Exception e) {
    synchronized (reported) {
      if (node != null && !reported.add(node)) {
        return Optional.empty();
      }
    }
    String type = node == null ? "null" : node.path("update_type").asText("(no update_type)");
    // Where binding failed, by field names only: Jackson's message may quote the value itself.
    String where = e instanceof JsonMappingException mapping ? mapping.getPathReference() : "";
    LOG.error("getUpdates: update {} of {} (type {}, page marker {}) cannot be read and is dropped: {} at {}",
        index + 1, size, type, marker, e.getClass().getSimpleName(), where);
    UnreadableUpdate dropped = new UnreadableUpdate(type, node == null ? "null" : node.toString(),
        e.getClass().getSimpleName() + (where.isEmpty() ? "" : " at " + where));
    try {
      unreadable.unreadable(dropped.type(), dropped.json(), dropped.reason());
    } catch (RuntimeException listenerFailure) {
      LOG.warn("the unreadable-update listener failed: {}", listenerFailure.toString());
    }
    return Optional.of(dropped);
  }
}
