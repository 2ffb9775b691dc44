package io.ttscenes.api;

/** The data type of a scene that keeps no data of its own. */
public enum NoData {
  /** The only value. */
  INSTANCE
}
