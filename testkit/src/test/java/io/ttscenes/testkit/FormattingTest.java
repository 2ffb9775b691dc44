package io.ttscenes.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

final class FormattingTest {

  private static String markup(JsonNode markup) {
    StringBuilder out = new StringBuilder();
    markup.forEach(m -> out.append(m.path("type").asText()).append('@').append(m.path("from").asInt())
        .append('+').append(m.path("length").asInt()).append(m.has("url") ? "=" + m.path("url").asText() : "")
        .append(' '));
    return out.toString().trim();
  }

  @Test
  void markdownSubsetBecomesMarkup() {
    Formatting.Formatted f = Formatting.apply("*it* ~~gone~~ ++under++ `code` **b**", "markdown");

    assertEquals("it gone under code b", f.text());
    assertEquals("emphasized@0+2 strikethrough@3+4 underline@8+5 monospaced@14+4 strong@19+1",
        markup(f.markup()));
  }

  @Test
  void unclosedMarkdownMarkersStayLiteral() {
    Formatting.Formatted f = Formatting.apply("2 * 3 = 6 and snake_case", "markdown");

    assertEquals("2 * 3 = 6 and snake_case", f.text());
    assertEquals("", markup(f.markup()));
  }

  @Test
  void htmlTagsBecomeMarkupAndUnknownTagsStayText() {
    Formatting.Formatted f = Formatting.apply(
        "<b>Hi</b> <a href=\"https://x.io\">x</a> <script>alert(1)</script> &lt;3", "html");

    assertEquals("Hi x <script>alert(1)</script> <3", f.text());
    assertEquals("strong@0+2 link@3+1=https://x.io", markup(f.markup()));
  }

  @Test
  void backslashEscapedMarkdownCharsStayLiteral() {
    Formatting.Formatted f = Formatting.apply("**Q:** \\*not bold\\* snake\\_case \\[x\\]", "markdown");

    assertEquals("Q: *not bold* snake_case [x]", f.text());
    assertEquals("strong@0+2", markup(f.markup()));
  }
}
