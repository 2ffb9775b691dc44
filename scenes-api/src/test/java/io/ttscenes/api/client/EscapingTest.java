package io.ttscenes.api.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** User text put into formatted messages shows literally. */
final class EscapingTest {
  @Test
  void markdownEscapesEverySyntaxCharacterWithABackslash() {
    assertEquals("\\*\\_\\~\\+\\^\\`\\[\\]\\(\\)\\#\\\\",
        Markdown.escape("*_~+^`[]()#\\"));
  }

  @Test
  void markdownLeavesOrdinaryTextAlone() {
    assertEquals("Hello, world! 5 > 3 & <ok> \"q\" 'a' - . ! ?",
        Markdown.escape("Hello, world! 5 > 3 & <ok> \"q\" 'a' - . ! ?"));
  }

  @Test
  void markdownNeutralisesALinkAndEmphasis() {
    assertEquals("\\[click\\]\\(https://evil.example\\) \\*\\*now\\*\\*",
        Markdown.escape("[click](https://evil.example) **now**"));
  }

  @Test
  void htmlEscapesTheFiveSpecialCharacters() {
    assertEquals("&lt;b&gt;Tom &amp; Jerry&lt;/b&gt; say &quot;hi&quot; &#39;there&#39;",
        Html.escape("<b>Tom & Jerry</b> say \"hi\" 'there'"));
  }

  @Test
  void htmlLeavesMarkdownCharactersAlone() {
    assertEquals("*_~+^`[]()#\\ привет", Html.escape("*_~+^`[]()#\\ привет"));
  }

  @Test
  void emptyTextStaysEmpty() {
    assertEquals("", Markdown.escape(""));
    assertEquals("", Html.escape(""));
  }
}
