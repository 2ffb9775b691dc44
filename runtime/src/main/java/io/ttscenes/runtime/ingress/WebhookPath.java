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

  /** The path as a client sends it: characters a URI path cannot hold percent-encoded. */
  private static String rawForm(String path) {
    try {
      return new URI(null, null, path, null).getRawPath();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("webhook path '" + path + "' is not a valid URI path", e);
    }
  }
}
