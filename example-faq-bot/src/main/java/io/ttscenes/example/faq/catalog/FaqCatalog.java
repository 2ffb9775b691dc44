package io.ttscenes.example.faq.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The questions the bot can answer, grouped by topic, in one or more locales (the languages the
 * search can stem: {@link #SUPPORTED}). Read from a YAML file ({@link #load}, see the module's
 * README for the format); ids end up in button payloads, so they are short and unique. Immutable.
 *
 * @param locales the catalogue's locales, the first being the fallback for any other user locale
 * @param topics the topics in menu order
 */
public record FaqCatalog(List<Locale> locales, List<Topic> topics) {
  /** The languages a catalogue may be written in. */
  public static final Set<Locale> SUPPORTED = Set.of(Locale.ENGLISH, Locale.forLanguageTag("ru"));
  /** The environment variable naming the FAQ file. */
  public static final String FAQ_FILE = "FAQ_FILE";
  private static final String SAMPLE = "/io/ttscenes/example/faq/catalog/faq.yaml";

  public FaqCatalog {
    locales = List.copyOf(locales);
    topics = List.copyOf(topics);
    if (locales.isEmpty()) {
      throw new IllegalArgumentException("a catalogue needs at least one locale");
    }
    Set<String> ids = new HashSet<>();
    for (Topic topic : topics) {
      checkUnique(ids, topic.id());
      checkLocales(locales, topic.id() + " title", topic.title());
      for (Question q : topic.questions()) {
        checkUnique(ids, q.id());
        checkLocales(locales, q.id() + " question", q.question());
        checkLocales(locales, q.id() + " answer", q.answer());
      }
    }
  }

  /**
   * A group of questions.
   *
   * @param id the id used in button payloads (letters, digits, '-')
   * @param title the button and heading text, shown literally
   * @param questions the questions in menu order
   */
  public record Topic(String id, Text title, List<Question> questions) {
    public Topic {
      checkId(id);
      Objects.requireNonNull(title, "title");
      questions = List.copyOf(questions);
    }
  }

  /**
   * One question and its answer.
   *
   * @param id the id used in button payloads (letters, digits, '-')
   * @param question the button and heading text, shown literally
   * @param answer the answer in TamTam markdown, written by the bot's authors
   */
  public record Question(String id, Text question, Text answer) {
    public Question {
      checkId(id);
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(answer, "answer");
    }
  }

  /** The catalogue in {@code file}; throws {@link FaqFileException} naming the line of a problem. */
  public static FaqCatalog load(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(file.toString(), reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the FAQ file " + file, e);
    }
  }

  /** The catalogue in {@code yaml}, named {@code source} in errors. */
  public static FaqCatalog read(String source, Reader yaml) {
    return new CatalogReader(source).catalog(YamlTree.read(source, yaml));
  }

  /** The sample shop's catalogue that ships in the module (English and Russian). */
  public static FaqCatalog sample() {
    InputStream in = FaqCatalog.class.getResourceAsStream(SAMPLE);
    if (in == null) {
      throw new IllegalStateException("the sample FAQ " + SAMPLE + " is missing from the class path");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return read("classpath:" + SAMPLE, reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SAMPLE, e);
    }
  }

  /** The catalogue in the file {@code FAQ_FILE} names, or the {@link #sample()} when it is unset. */
  public static FaqCatalog fromEnvironment(Map<String, String> env) {
    String file = env.getOrDefault(FAQ_FILE, "");
    return file.isBlank() ? sample() : load(Path.of(file));
  }

  /** The catalogue locale closest to the user's: same language, else the first. */
  public Locale localeFor(Optional<Locale> user) {
    return user.flatMap(u -> locales.stream().filter(l -> l.getLanguage().equals(u.getLanguage()))
        .findFirst()).orElse(locales.get(0));
  }

  /** The topic with this id. */
  public Optional<Topic> topic(String id) {
    return topics.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /** The topic holding the question with this id. */
  public Optional<Topic> topicOf(String questionId) {
    return topics.stream()
        .filter(t -> t.questions().stream().anyMatch(q -> q.id().equals(questionId)))
        .findFirst();
  }

  /** The question with this id. */
  public Optional<Question> question(String id) {
    return questions().stream().filter(q -> q.id().equals(id)).findFirst();
  }

  /** Every question, topic by topic. */
  public List<Question> questions() {
    return topics.stream().flatMap(t -> t.questions().stream()).toList();
  }

  static void checkId(String id) {
    Objects.requireNonNull(id, "id");
    if (!id.matches("[A-Za-z0-9-]{1,32}")) {
      throw new IllegalArgumentException("FAQ id '" + id + "' must be 1..32 letters, digits or '-'");
    }
  }

  /** Every text in exactly the catalogue's locales, so no user ever gets a fallback by accident. */
  private static void checkLocales(List<Locale> locales, String what, Text text) {
    if (!text.byLocale().keySet().equals(Set.copyOf(locales))) {
      throw new IllegalArgumentException("the " + what + " is in " + text.byLocale().keySet()
          + "; the catalogue's locales are " + locales);
    }
  }

  private static void checkUnique(Set<String> ids, String id) {
    if (!ids.add(id)) {
      throw new IllegalArgumentException("FAQ id '" + id + "' is used twice");
    }
  }
}
