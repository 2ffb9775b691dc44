package io.ttscenes.example.faq.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A text of the catalogue in each of its locales (language tags such as {@code en}, {@code ru}).
 *
 * @param byLocale the text per locale, in the catalogue's locale order; none blank
 */
public record Text(Map<Locale, String> byLocale) {
  public Text {
    if (byLocale.isEmpty()) {
      throw new IllegalArgumentException("a catalogue text needs at least one locale");
    }
    byLocale.forEach((locale, text) -> {
      Objects.requireNonNull(locale, "locale");
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException("the '" + locale + "' text is blank");
      }
    });
    byLocale = Collections.unmodifiableMap(new LinkedHashMap<>(byLocale));
  }

  /** A text in one locale only. */
  public static Text of(Locale locale, String text) {
    return new Text(Map.of(locale, text));
  }

  /** The text in {@code locale}'s language, else in the first locale. */
  public String in(Locale locale) {
    String exact = byLocale.get(Locale.forLanguageTag(locale.getLanguage()));
    return exact != null ? exact : byLocale.values().iterator().next();
  }
}
