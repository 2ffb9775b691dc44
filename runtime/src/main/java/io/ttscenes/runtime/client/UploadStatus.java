package io.ttscenes.runtime.client;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the answer of an upload URL to a status GET: the last byte the server has, from a
 * {@code Range: bytes=0-N} header or a {@code first-last/total} text in the body. Anything else
 * (416, 500, no range) means "start again", reported as -1.
 */
final class UploadStatus {
  private static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d+)(?:/(\\d+|\\*))?");

  private UploadStatus() {}

  static long lastByte(HttpExchange.Raw status) {
    if (!status.successful()) {
      return -1;
    }
    String header = status.headers().get("Range");
    if (header != null) {
      long last = parse(header);
      if (last >= 0) {
        return last;
      }
    }
    return parse(new String(status.body(), StandardCharsets.UTF_8));
  }

  private static long parse(String text) {
    Matcher range = RANGE.matcher(text);
    if (!range.find()) {
      return -1;
    }
    try {
      long first = Long.parseLong(range.group(1));
      return first == 0 ? Long.parseLong(range.group(2)) : -1;
    } catch (NumberFormatException tooLong) {
      return -1;
    }
  }
}
