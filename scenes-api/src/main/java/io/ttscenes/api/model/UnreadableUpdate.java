package io.ttscenes.api.model;

import java.util.Objects;

/**
 * An update of a long-poll page that the client could not bind to the model: kept out of
 * {@link UpdateList#updates()} so the rest of the page still runs, and handed to whoever reads
 * the page (the runtime keeps it as a dead letter). Never sent or received as JSON itself.
 *
 * @param type the update's {@code update_type}, or a placeholder such as {@code (no update_type)}
 * @param json the update as TamTam sent it
 * @param reason why it could not be read: the error's kind and field path, without the content
 */
public record UnreadableUpdate(String type, String json, String reason) {
  /** Refuses null components, naming the one that is missing. */
  public UnreadableUpdate {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(reason, "reason");
  }
}
