package io.ttscenes.example.faq.search;

import io.ttscenes.example.faq.catalog.FaqCatalog;
import java.util.List;

/** What a free-text question found: each outcome is one the bot answers differently. */
public sealed interface SearchResult {
  /**
   * The best matching questions, best first.
   *
   * @param questions one or more questions, at most the limit asked for
   */
  record Found(List<FaqCatalog.Question> questions) implements SearchResult {
    public Found {
      questions = List.copyOf(questions);
      if (questions.isEmpty()) {
        throw new IllegalArgumentException("Found needs at least one question; use NothingFound");
      }
    }
  }

  /** The question has words, but none of them is in the catalogue. */
  record NothingFound() implements SearchResult {}

  /** The question has no searchable words: it is blank or only punctuation and symbols. */
  record NoWords() implements SearchResult {}

  /**
   * The question is longer than the search reads; the user should shorten it or ask a person.
   *
   * @param length the question's length in characters
   * @param limit the longest question searched
   */
  record TooLong(int length, int limit) implements SearchResult {}
}
