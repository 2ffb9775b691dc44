package io.ttscenes.api.store;

import java.util.Objects;

/**
 * The data a group chat shares among its members, as stored: its version (starts at 1, grows by
 * one with every commit that writes it) and the engine's JSON, opaque to the store.
 */
public record StoredChatData(long version, String data) {
  public StoredChatData {
    if (version < 1) {
      throw new IllegalArgumentException("version is " + version + "; stored chat data starts at 1");
    }
    Objects.requireNonNull(data, "data");
  }
}
