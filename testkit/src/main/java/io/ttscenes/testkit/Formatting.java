package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns text sent with {@code format: markdown|html} into plain text plus a {@code markup} array,
 * as TamTam stores it. Markers that never close stay literal text, so nothing is lost.
 */
final class Formatting {
  private static final List<String[]> MARKDOWN = List.of(
      new String[] {"**", "strong"}, new String[] {"~~", "strikethrough"},
      new String[] {"++", "underline"}, new String[] {"*", "emphasized"},
      new String[] {"_", "emphasized"});
  private static final Map<String, String> HTML_TAGS = Map.of(
      "b", "strong", "strong", "strong", "i", "emphasized", "em", "emphasized",
      "s", "strikethrough", "del", "strikethrough", "u", "underline", "ins", "underline",
      "code", "monospaced", "pre", "monospaced");
  private static final String ESCAPABLE = "*_~+^`[]()#\\";
  private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z]+)([^<>]*)>");
  private static final Pattern HREF = Pattern.compile("href\\s*=\\s*[\"']([^\"']*)[\"']");

  /** The result: text without markers and the markup over it. */
  record Formatted(String text, ArrayNode markup) {}

  private Formatting() {}

  static Formatted apply(String text, String format) {
    return switch (format) {
      case "markdown" -> markdown(text);
      case "html" -> html(text);
      default -> throw ApiError.badRequest("Unknown format: " + format
          + "; expected markdown or html");
    };
  }

  private static Formatted markdown(String in) {
    StringBuilder out = new StringBuilder();
    ArrayNode markup = Json.array();
    Map<String, Integer> open = new HashMap<>();
    int i = 0;
    while (i < in.length()) {
      char c = in.charAt(i);
      if (c == '\\' && i + 1 < in.length() && ESCAPABLE.indexOf(in.charAt(i + 1)) >= 0) {
        // A backslash makes the next syntax char literal, as Markdown.escape relies on.
        out.append(in.charAt(i + 1));
        i += 2;
        continue;
      }
      if (c == '`' && in.indexOf('`', i + 1) > 0) {
        int end = in.indexOf('`', i + 1);
        int from = out.length();
        out.append(in, i + 1, end);
        markup.add(element("monospaced", from, out.length() - from));
        i = end + 1;
        continue;
      }
      if (c == '[') {
        int close = in.indexOf("](", i);
        int paren = close < 0 ? -1 : in.indexOf(')', close);
        if (close > i && paren > close) {
          int from = out.length();
          out.append(in, i + 1, close);
          markup.add(element("link", from, out.length() - from)
              .put("url", in.substring(close + 2, paren)));
          i = paren + 1;
          continue;
        }
      }
      String marker = markerAt(in, i);
      if (marker != null && (open.containsKey(marker) || in.indexOf(marker, i + marker.length()) > 0)) {
        Integer from = open.remove(marker);
        if (from == null) {
          open.put(marker, out.length());
        } else {
          markup.add(element(typeOf(marker), from, out.length() - from));
        }
        i += marker.length();
        continue;
      }
      out.append(c);
      i++;
    }
    return new Formatted(out.toString(), markup);
  }

  private static String markerAt(String in, int i) {
    for (String[] entry : MARKDOWN) {
      if (in.startsWith(entry[0], i)) {
        return entry[0];
      }
    }
    return null;
  }

  private static String typeOf(String marker) {
    for (String[] entry : MARKDOWN) {
      if (entry[0].equals(marker)) {
        return entry[1];
      }
    }
    throw new IllegalStateException(marker);
  }

  private static Formatted html(String in) {
    StringBuilder out = new StringBuilder();
    ArrayNode markup = Json.array();
    Deque<Object[]> open = new ArrayDeque<>();
    Matcher tag = TAG.matcher(in);
    int last = 0;
    while (tag.find()) {
      String name = tag.group(2).toLowerCase();
      boolean known = HTML_TAGS.containsKey(name) || name.equals("a") || name.equals("br");
      out.append(unescape(in.substring(last, known ? tag.start() : tag.end())));
      last = tag.end();
      if (!known) {
        continue;
      }
      if (name.equals("br")) {
        out.append('\n');
      } else if (tag.group(1).isEmpty()) {
        Matcher href = HREF.matcher(tag.group(3));
        open.push(new Object[] {name, out.length(), href.find() ? unescape(href.group(1)) : ""});
      } else {
        closeTag(open, name, out.length(), markup);
      }
    }
    out.append(unescape(in.substring(last)));
    return new Formatted(out.toString(), markup);
  }

  private static void closeTag(Deque<Object[]> open, String name, int end, ArrayNode markup) {
    for (Object[] entry : open) {
      if (entry[0].equals(name)) {
        open.remove(entry);
        int from = (Integer) entry[1];
        ObjectNode element = element(name.equals("a") ? "link" : HTML_TAGS.get(name), from, end - from);
        if (name.equals("a")) {
          element.put("url", (String) entry[2]);
        }
        markup.add(element);
        return;
      }
    }
  }

  private static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&nbsp;", "\u00a0").replace("&amp;", "&");
  }

  private static ObjectNode element(String type, int from, int length) {
    return Json.object().put("type", type).put("from", from).put("length", length);
  }
}
