package io.ttscenes.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads where a resumable upload continues from an upload URL's answer: a status GET or the 416
 * that refuses a chunk starting at the wrong byte. Understood forms: a JSON object with
 * {@code received} (bytes the server has, as the emulator answers), a {@code Range: bytes=0-N}
 * header, or a {@code 0-N/total} text in the body; empty when the answer says none of these.
 */
final class UploadStatus {
  private static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d+)(?:/(\\d+|\\*))?");
  private static final ObjectMapper JSON = new ObjectMapper();

  private UploadStatus() {}

  /** The offset of the first byte the server does not have yet, if the answer tells it. */
  static OptionalLong nextOffset(HttpExchange.Raw answer) {
    if (!answer.successful() && answer.status() != 416) {
      return OptionalLong.empty();
    }
    OptionalLong received = received(answer.body());
    if (received.isPresent()) {
      return received;
    }
    String header = answer.headers().get("Range");
    OptionalLong fromHeader = header == null ? OptionalLong.empty() : afterRange(header);
    return fromHeader.isPresent() ? fromHeader
        : afterRange(new String(answer.body(), StandardCharsets.UTF_8));
  }

  private static OptionalLong received(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      JsonNode received = node == null ? null : node.get("received");
      return received != null && received.canConvertToLong() && received.asLong() >= 0
          ? OptionalLong.of(received.asLong()) : OptionalLong.empty();
    } catch (IOException notJson) {
      return OptionalLong.empty();
    }
  }

  private static OptionalLong afterRange(String text) {
    Matcher range = RANGE.matcher(text);
    if (!range.find()) {
      return OptionalLong.empty();
    }
    try {
      long first = Long.parseLong(range.group(1));
      long last = Long.parseLong(range.group(2));
      return first == 0 && last < Long.MAX_VALUE ? OptionalLong.of(last + 1) : OptionalLong.empty();
    } catch (NumberFormatException tooLong) {
      return OptionalLong.empty();
    }
  }
}
