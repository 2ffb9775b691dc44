package io.ttscenes.runtime.client;

/**
 * Receives each update of a long-poll page that the model cannot bind (the rest of the page is
 * kept): its {@code update_type}, its JSON as TamTam sent it, and why it could not be read (by
 * field path, without the content). Called on the polling thread; must be fast and must not throw.
 */
@FunctionalInterface
public interface UnreadableUpdateListener {

  /** Update {@code json} of type {@code type} cannot be read, for {@code reason}. */
  void unreadable(String type, String json, String reason);
}
