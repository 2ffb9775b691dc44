package io.ttscenes.example.faq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ttscenes.example.faq.catalog.FaqCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

final class FaqSearchTest {
  private static final FaqSearch SEARCH = FaqSearch.of(FaqCatalog.sample());

  @Test
  void russianStemmingMatchesOtherFormsOfAWord() {
    assertEquals("shipping", best("доставка"));
    assertEquals("shipping", best("доставку"));
    assertEquals("shipping", best("доставкой"));
  }

  @Test
  void paraphrasedRussianQuestionFindsTheRightEntry() {
    assertEquals("shipping", best("за сколько дней курьер привезёт посылку и какая цена доставки?"));
    assertEquals("refund", best("когда мне вернут деньги"));
    assertEquals("password", best("не помню пароль от входа"));
  }

  @Test
  void paraphrasedEnglishQuestionFindsTheRightEntry() {
    assertEquals("refund", best("how many days until refunds are back on my card"));
    assertEquals("shipping", best("What's the delivery cost?"));
    assertEquals("address", best("I moved, can the address be changed"));
    assertEquals("password", best("forgotten passwords"));
  }

  @Test
  void returnsTheBestMatchesFirstAndAtMostTheLimit() {
    SearchResult.Found found = assertInstanceOf(SearchResult.Found.class, SEARCH.search("order delivery address", 2));
    assertEquals(2, found.questions().size());
    assertEquals("address", found.questions().get(0).id());
  }

  @Test
  void wordsOutsideTheCatalogueFindNothing() {
    assertEquals(new SearchResult.NothingFound(), SEARCH.search("giraffe umbrella", 3));
  }

  @Test
  void emptyOrPunctuationOnlyQuestionHasNoWords() {
    assertEquals(new SearchResult.NoWords(), SEARCH.search("", 3));
    assertEquals(new SearchResult.NoWords(), SEARCH.search("   ?!  ...", 3));
    assertEquals(new SearchResult.NoWords(), SEARCH.search("-- \u2192 + ...", 3));
  }

  @Test
  void hugeQuestionIsTooLongWithoutBeingSearched() {
    String huge = "доставка ".repeat(100);
    assertEquals(new SearchResult.TooLong(huge.strip().length(), FaqSearch.MAX_QUESTION), SEARCH.search(huge, 3));
    String many = String.join(" ", java.util.stream.IntStream.range(0, 120).mapToObj(i -> "w" + i).toList());
    assertEquals(new SearchResult.NothingFound(), SEARCH.search(many, 3));
  }

  @Test
  void limitBelowOneIsMisuse() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SEARCH.search("refund", 0));
    assertEquals("limit is 0; it must be at least 1", e.getMessage());
  }

  private static String best(String question) {
    SearchResult result = SEARCH.search(question, 3);
    List<FaqCatalog.Question> questions = assertInstanceOf(SearchResult.Found.class, result, question).questions();
    return questions.get(0).id();
  }
}
