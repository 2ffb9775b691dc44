package io.ttscenes.runtime.ingress;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The one path a webhook serves. Requests are compared as sent, not decoded, so an encoded
 * spelling of the secret is another path, and in time independent of where they differ, so
 * response times do not reveal the secret. A trailing slash is ignored on both sides.
 */
final class WebhookPath {
  private final byte[] raw;

  /**
   * Serves {@code path}, given without a trailing slash (see {@link #stripSlash}); throws
   * {@link IllegalArgumentException} when it is not a valid URI path.
   */
  WebhookPath(String path) {
    this.raw = rawForm(path).getBytes(StandardCharsets.UTF_8);
  }

  /** Whether {@code requestedRawPath} (as sent, possibly null) is this path. */
  boolean matches(String requestedRawPath) {
    String requested = requestedRawPath == null ? "" : requestedRawPath;
    return MessageDigest.isEqual(raw, stripSlash(requested).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code value} without one trailing slash, unless it is the root "/" itself. */
  static String stripSlash(String value) {
    return value.length() > 1 && value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }

  /**
   * The path as a client sends it: characters a URI path cannot hold, and every non-ASCII
   * character (as UTF-8), percent-encoded. Throws {@link IllegalArgumentException} when
   * {@code path} is not a valid URI path.
   */
  static String rawForm(String path) {
    try {
      // toASCIIString, not getRawPath: the latter leaves "ключ" as it is, while clients send
      // "%D0%BA%D0%BB%D1%8E%D1%87", so such a path could never match.
      return new URI(null, null, path, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("webhook path '" + path + "' is not a valid URI path", e);
    }
  }
}
