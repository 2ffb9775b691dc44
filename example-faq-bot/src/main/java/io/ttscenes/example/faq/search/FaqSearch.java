package io.ttscenes.example.faq.search;

import io.ttscenes.example.faq.catalog.FaqCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Free-text search over a catalogue's questions and answers: an in-memory Lucene index with one
 * field per locale and part, each stemmed by its language's analyzer ("доставку" finds
 * "доставка", "refunds" finds "refund"). A question is searched in every locale of the catalogue,
 * since users often write in a language other than their app's. Built once; thread-safe.
 */
public final class FaqSearch {
  /** The longest question searched, in characters; longer ones are {@link SearchResult.TooLong}. */
  public static final int MAX_QUESTION = 500;
  /** Matches scoring below this share of the best one are left out as noise. */
  private static final float RELATIVE_CUTOFF = 0.3f;
  /** Words searched per locale: keeps the query far below Lucene's 1024-clause limit. */
  private static final int MAX_TERMS = 100;
  private static final float QUESTION_BOOST = 2f;
  /**
   * English's default stop words are only articles and the like; questions also bring "what do
   * you", which match every question in the FAQ and drown the one word that matters. (Russian's
   * default list already holds such words.)
   */
  private static final List<String> ENGLISH_QUESTION_WORDS = List.of("what", "which", "who", "where",
      "when", "why", "how", "do", "does", "did", "can", "could", "would", "should", "i", "me", "my",
      "you", "your", "we", "our", "us", "have", "has", "had", "am", "get", "about", "please");

  private final FaqCatalog catalog;
  private final Map<Locale, Analyzer> analyzers;
  private final IndexSearcher searcher;

  private FaqSearch(FaqCatalog catalog, Map<Locale, Analyzer> analyzers, IndexSearcher searcher) {
    this.catalog = catalog;
    this.analyzers = analyzers;
    this.searcher = searcher;
  }

  /** Indexes every question and answer of {@code catalog} in each of its locales. */
  public static FaqSearch of(FaqCatalog catalog) {
    Map<Locale, Analyzer> analyzers = new HashMap<>();
    Map<String, Analyzer> byField = new HashMap<>();
    for (Locale locale : catalog.locales()) {
      Analyzer analyzer = analyzer(locale);
      analyzers.put(locale, analyzer);
      byField.put(field("q", locale), analyzer);
      byField.put(field("a", locale), analyzer);
    }
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    Analyzer perField = new PerFieldAnalyzerWrapper(new StandardAnalyzer(), byField);
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(perField))) {
      for (FaqCatalog.Question question : catalog.questions()) {
        writer.addDocument(document(catalog, question));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index the FAQ in memory", e);
    }
    try {
      return new FaqSearch(catalog, analyzers, new IndexSearcher(DirectoryReader.open(directory)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the in-memory FAQ index", e);
    }
  }

  /** The catalogue questions that best match {@code text}, at most {@code limit} of them. */
  public SearchResult search(String text, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit is " + limit + "; it must be at least 1");
    }
    String question = text.strip();
    if (question.length() > MAX_QUESTION) {
      return new SearchResult.TooLong(question.length(), MAX_QUESTION);
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    int terms = 0;
    for (Locale locale : catalog.locales()) {
      for (String term : terms(analyzers.get(locale), question)) {
        query.add(new BoostQuery(new TermQuery(new Term(field("q", locale), term)), QUESTION_BOOST),
            BooleanClause.Occur.SHOULD);
        query.add(new TermQuery(new Term(field("a", locale), term)), BooleanClause.Occur.SHOULD);
        terms++;
      }
    }
    return terms == 0 ? new SearchResult.NoWords() : run(query.build(), limit);
  }

  private SearchResult run(BooleanQuery query, int limit) {
    try {
      ScoreDoc[] hits = searcher.search(query, limit).scoreDocs;
      List<FaqCatalog.Question> found = new ArrayList<>();
      for (ScoreDoc hit : hits) {
        if (hit.score >= hits[0].score * RELATIVE_CUTOFF) {
          String id = searcher.storedFields().document(hit.doc).get("id");
          found.add(catalog.question(id).orElseThrow());
        }
      }
      return found.isEmpty() ? new SearchResult.NothingFound() : new SearchResult.Found(found);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the in-memory FAQ index", e);
    }
  }

  private static Document document(FaqCatalog catalog, FaqCatalog.Question question) {
    Document doc = new Document();
    doc.add(new StringField("id", question.id(), Field.Store.YES));
    for (Locale locale : catalog.locales()) {
      doc.add(new TextField(field("q", locale), question.question().in(locale), Field.Store.NO));
      doc.add(new TextField(field("a", locale), question.answer().in(locale), Field.Store.NO));
    }
    return doc;
  }

  /** The distinct terms {@code analyzer} makes of {@code text}: stemmed, without stop words. */
  private static Set<String> terms(Analyzer analyzer, String text) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream tokens = analyzer.tokenStream("query", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken() && terms.size() < MAX_TERMS) {
        terms.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot analyze a question in memory", e);
    }
    return terms;
  }

  private static Analyzer analyzer(Locale locale) {
    return switch (locale.getLanguage()) {
      case "en" -> {
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.getDefaultStopSet(), false);
        stop.addAll(ENGLISH_QUESTION_WORDS);
        yield new EnglishAnalyzer(stop);
      }
      case "ru" -> new RussianAnalyzer();
      default -> throw new IllegalArgumentException("no analyzer for locale '" + locale
          + "'; the catalogue supports " + FaqCatalog.SUPPORTED);
    };
  }

  private static String field(String part, Locale locale) {
    return part + "_" + locale.getLanguage();
  }
}
