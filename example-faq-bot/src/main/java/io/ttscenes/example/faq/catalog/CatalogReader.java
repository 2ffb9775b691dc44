package io.ttscenes.example.faq.catalog;

import io.ttscenes.example.faq.catalog.YamlTree.Mapping;
import io.ttscenes.example.faq.catalog.YamlTree.Node;
import io.ttscenes.example.faq.catalog.YamlTree.Position;
import io.ttscenes.example.faq.catalog.YamlTree.Scalar;
import io.ttscenes.example.faq.catalog.YamlTree.Sequence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a {@link YamlTree} into a {@link FaqCatalog}, checking what the records cannot place in the
 * file: unknown or missing fields, duplicate ids, locales the catalogue does not declare. Every
 * problem is a {@link FaqFileException} at the node that has it. One instance per file.
 */
final class CatalogReader {
  private final String source;
  private final Map<String, Position> ids = new HashMap<>();
  private List<Locale> locales = List.of();

  CatalogReader(String source) {
    this.source = source;
  }

  FaqCatalog catalog(Node root) {
    Mapping file = mapping(root, "the file", Set.of("locales", "topics"));
    locales = locales(require(file, "locales"));
    List<FaqCatalog.Topic> topics = new ArrayList<>();
    for (Node topic : sequence(require(file, "topics"), "'topics'")) {
      topics.add(topic(topic));
    }
    return new FaqCatalog(locales, topics);
  }

  private List<Locale> locales(Node node) {
    List<Locale> found = new ArrayList<>();
    for (Node item : sequence(node, "'locales'")) {
      Locale locale = Locale.forLanguageTag(scalar(item, "a locale"));
      if (!FaqCatalog.SUPPORTED.contains(locale)) {
        throw fail(item, "unknown locale '" + scalar(item, "a locale") + "'; the catalogue can be in "
            + FaqCatalog.SUPPORTED.stream().map(Locale::toLanguageTag).sorted().toList());
      }
      if (found.contains(locale)) {
        throw fail(item, "locale '" + locale + "' is listed twice");
      }
      found.add(locale);
    }
    return found;
  }

  private FaqCatalog.Topic topic(Node node) {
    Mapping topic = mapping(node, "a topic", Set.of("id", "title", "questions"));
    String id = id(require(topic, "id"));
    List<FaqCatalog.Question> questions = new ArrayList<>();
    for (Node question : sequence(require(topic, "questions"), "'questions'")) {
      questions.add(question(question));
    }
    return new FaqCatalog.Topic(id, text(require(topic, "title"), "title"), questions);
  }

  private FaqCatalog.Question question(Node node) {
    Mapping question = mapping(node, "a question", Set.of("id", "question", "answer"));
    String id = id(require(question, "id"));
    return new FaqCatalog.Question(id, text(require(question, "question"), "question"),
        text(require(question, "answer"), "answer"));
  }

  /** A text in every declared locale and no other. */
  private Text text(Node node, String field) {
    Mapping texts = mapping(node, "'" + field + "' (one text per locale, e.g. en: ...)", null);
    Map<Locale, String> byLocale = new LinkedHashMap<>();
    texts.values().forEach((tag, value) -> {
      Locale locale = Locale.forLanguageTag(tag);
      if (!locales.contains(locale)) {
        throw new FaqFileException(source, texts.keys().get(tag), "unknown locale '" + tag + "' in '"
            + field + "'; the file declares " + tags());
      }
      byLocale.put(locale, scalar(value, "the '" + tag + "' " + field));
    });
    for (Locale locale : locales) {
      if (!byLocale.containsKey(locale)) {
        throw fail(node, "'" + field + "' has no '" + locale.toLanguageTag() + "' text");
      }
    }
    return new Text(byLocale);
  }

  private String id(Node node) {
    String id = scalar(node, "an id");
    try {
      FaqCatalog.checkId(id);
    } catch (IllegalArgumentException e) {
      throw fail(node, e.getMessage());
    }
    Position first = ids.putIfAbsent(id, node.at());
    if (first != null) {
      throw fail(node, "id '" + id + "' is used twice (first at line " + first.line() + ")");
    }
    return id;
  }

  private Mapping mapping(Node node, String what, Set<String> allowed) {
    if (!(node instanceof Mapping mapping)) {
      throw fail(node, what + " must be a mapping");
    }
    if (allowed != null) {
      mapping.keys().forEach((key, at) -> {
        if (!allowed.contains(key)) {
          throw new FaqFileException(source, at, "unknown field '" + key + "' in " + what
              + "; expected " + allowed.stream().sorted().collect(Collectors.joining(", ")));
        }
      });
    }
    return mapping;
  }

  private Node require(Mapping mapping, String field) {
    Node value = mapping.values().get(field);
    if (value == null) {
      throw fail(mapping, "missing field '" + field + "'");
    }
    return value;
  }

  private List<Node> sequence(Node node, String what) {
    if (!(node instanceof Sequence sequence) || sequence.items().isEmpty()) {
      throw fail(node, what + " must be a non-empty list");
    }
    return sequence.items();
  }

  private String scalar(Node node, String what) {
    if (!(node instanceof Scalar scalar) || scalar.value() == null || scalar.value().isBlank()) {
      throw fail(node, what + " must be a non-empty text");
    }
    return scalar.value().strip();
  }

  private List<String> tags() {
    return locales.stream().map(Locale::toLanguageTag).toList();
  }

  private FaqFileException fail(Node node, String problem) {
    return new FaqFileException(source, node.at(), problem);
  }
}
