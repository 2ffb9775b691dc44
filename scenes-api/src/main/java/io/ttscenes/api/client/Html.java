package io.ttscenes.api.client;

/**
 * Escaping for TamTam's HTML formatting ({@code format: html}): makes user-supplied text appear
 * literally, in element content and in quoted attribute values. Thread-safe and stateless.
 */
public final class Html {
  private Html() {}

  /** Returns {@code text} with {@code & < > " '} replaced by their character references. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
