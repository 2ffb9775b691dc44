package io.ttscenes.api.client;

/**
 * Escaping for TamTam-flavoured Markdown ({@code format: markdown}): makes user-supplied text
 * appear literally inside a formatted message. Thread-safe and stateless.
 */
public final class Markdown {
  // Every char TamTam's markdown treats as syntax: emphasis (* _), strikethrough (~),
  // underline (+), highlight (^), code (`), links ([ ] ( )), headers (#) and the escape itself.
  private static final String SPECIAL = "*_~+^`[]()#\\";

  private Markdown() {}

  /** Returns {@code text} with every markdown control char prefixed by a backslash. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (SPECIAL.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
