package io.ttscenes.runtime.admin;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** One answer of an admin page: status, content type and body. */
record Reply(int status, String contentType, byte[] body) {
  Reply {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
  }

  static Reply text(int status, String contentType, String body) {
    return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  static Reply html(String body) {
    return text(200, "text/html; charset=utf-8", body);
  }

  static Reply json(int status, String body) {
    return text(status, "application/json", body);
  }
}
