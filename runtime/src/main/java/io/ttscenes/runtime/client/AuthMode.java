package io.ttscenes.runtime.client;

/** How the bot token travels with each request. */
public enum AuthMode {
  /** As the {@code access_token} query parameter, as TamTam documents it. */
  QUERY,
  /** As the {@code Authorization: <token>} header, as MAX expects it. */
  HEADER
}
