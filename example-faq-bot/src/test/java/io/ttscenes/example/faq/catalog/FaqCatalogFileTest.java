package io.ttscenes.example.faq.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FaqCatalogFileTest {
  private static final Locale RU = Locale.forLanguageTag("ru");
  private static final String GOOD = """
      locales: [en, ru]
      topics:
        - id: orders
          title: {en: Orders, ru: Заказы}
          questions:
            - id: track
              question: {en: "Where is my order?", ru: "Где мой заказ?"}
              answer:
                en: In **My orders**.
                ru: В **Моих заказах**.
      """;

  @Test
  void readsTopicsQuestionsAndAnswersInEachLocale() {
    FaqCatalog catalog = FaqCatalog.read("good.yaml", new StringReader(GOOD));

    assertEquals(List.of(Locale.ENGLISH, RU), catalog.locales());
    FaqCatalog.Question track = catalog.question("track").orElseThrow();
    assertEquals("Where is my order?", track.question().in(Locale.ENGLISH));
    assertEquals("В **Моих заказах**.", track.answer().in(Locale.forLanguageTag("ru-RU")));
    assertEquals("In **My orders**.", track.answer().in(Locale.GERMAN));
    assertEquals("Заказы", catalog.topicOf("track").orElseThrow().title().in(RU));
    assertEquals(RU, catalog.localeFor(java.util.Optional.of(Locale.forLanguageTag("ru-RU"))));
  }

  @Test
  void theSampleShipsInTheModuleAndIsTheDefault(@TempDir Path dir) throws Exception {
    FaqCatalog sample = FaqCatalog.sample();
    assertEquals(List.of("orders", "payments", "account"), sample.topics().stream().map(FaqCatalog.Topic::id).toList());
    assertEquals(sample, FaqCatalog.fromEnvironment(Map.of()));

    Path file = Files.writeString(dir.resolve("faq.yaml"), GOOD);
    assertEquals(List.of("track"), FaqCatalog.fromEnvironment(Map.of("FAQ_FILE", file.toString()))
        .questions().stream().map(FaqCatalog.Question::id).toList());
  }

  @Test
  void syntaxErrorNamesTheLineAndColumn() {
    FaqFileException e = broken(GOOD.replace("title: {en: Orders, ru: Заказы}", "title: {en: Orders, ru: Заказы"));
    assertEquals(5, e.line(), e.getMessage());
    assertEquals("bad.yaml, line 5, column 14: not valid YAML: expected ',' or '}', but got : "
        + "(while parsing a flow mapping from line 4)", e.getMessage());
  }

  @Test
  void missingFieldNamesTheEntryThatLacksIt() {
    FaqFileException e = broken(GOOD.replace("""
                answer:
                  en: In **My orders**.
                  ru: В **Моих заказах**.
        """, ""));
    assertEquals("bad.yaml, line 6, column 9: missing field 'answer'", e.getMessage());
  }

  @Test
  void missingLocaleTextNamesTheField() {
    FaqFileException e = broken(GOOD.replace("question: {en: \"Where is my order?\", ru: \"Где мой заказ?\"}",
        "question: {en: \"Where is my order?\"}"));
    assertEquals("bad.yaml, line 7, column 19: 'question' has no 'ru' text", e.getMessage());
  }

  @Test
  void duplicateIdNamesBothLines() {
    FaqFileException e = broken(GOOD + """
              - id: track
                question: {en: "Again?", ru: "Снова?"}
                answer: {en: Yes., ru: Да.}
        """);
    assertEquals("bad.yaml, line 11, column 13: id 'track' is used twice (first at line 6)", e.getMessage());
  }

  @Test
  void unknownLocaleInATextIsRefused() {
    FaqFileException e = broken(GOOD.replace("title: {en: Orders, ru: Заказы}",
        "title: {en: Orders, ru: Заказы, de: Bestellungen}"));
    assertEquals("bad.yaml, line 4, column 37: unknown locale 'de' in 'title'; the file declares [en, ru]",
        e.getMessage());
  }

  @Test
  void unsupportedLocaleInTheListIsRefused() {
    FaqFileException e = broken(GOOD.replace("locales: [en, ru]", "locales: [en, fr]"));
    assertEquals("bad.yaml, line 1, column 15: unknown locale 'fr'; the catalogue can be in [en, ru]",
        e.getMessage());
  }

  @Test
  void misspelledFieldAndBadIdAndRepeatedKeyAreRefused() {
    assertEquals("bad.yaml, line 2, column 1: unknown field 'topcis' in the file; expected locales, topics",
        broken(GOOD.replace("topics:", "topcis:")).getMessage());
    assertEquals("bad.yaml, line 3, column 9: FAQ id 'my orders' must be 1..32 letters, digits or '-'",
        broken(GOOD.replace("id: orders", "id: my orders")).getMessage());
    assertEquals("bad.yaml, line 2, column 1: 'locales' appears twice in one mapping (first at line 1)",
        broken(GOOD.replace("topics:", "locales: [en]\ntopics:")).getMessage());
    assertEquals("bad.yaml, line 1, column 1: the file is empty", broken("").getMessage());
  }

  @Test
  void catalogueBuiltInCodeIsCheckedToo() {
    FaqCatalog.Question track = new FaqCatalog.Question("track", Text.of(Locale.ENGLISH, "Where?"),
        Text.of(Locale.ENGLISH, "Here."));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FaqCatalog(
        List.of(Locale.ENGLISH, RU), List.of(new FaqCatalog.Topic("orders", Text.of(Locale.ENGLISH, "Orders"),
            List.of(track)))));
    assertEquals("the orders title is in [en]; the catalogue's locales are [en, ru]", e.getMessage());
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> new FaqCatalog(
        List.of(Locale.ENGLISH), List.of(new FaqCatalog.Topic("track", Text.of(Locale.ENGLISH, "T"), List.of(track)))));
    assertEquals("FAQ id 'track' is used twice", twice.getMessage());
  }

  @Test
  void missingFileIsAnIoErrorNamingIt(@TempDir Path dir) {
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> FaqCatalog.load(dir.resolve("nope.yaml")));
    assertEquals("cannot read the FAQ file " + dir.resolve("nope.yaml"), e.getMessage());
  }

  private static FaqFileException broken(String yaml) {
    return assertThrows(FaqFileException.class, () -> FaqCatalog.read("bad.yaml", new StringReader(yaml)));
  }
}
