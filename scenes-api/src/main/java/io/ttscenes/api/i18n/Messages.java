package io.ttscenes.api.i18n;

import com.ibm.icu.text.MessageFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * A bot's texts in each locale it declares, as ICU message patterns: {@code "{0, plural, one{#
 * answer} other{# answers}}"}. The first locale given is the fallback for users whose locale is not
 * declared. Every declared locale must have every key of the fallback (checked by
 * {@link #problems()}, which {@code Bot.build()} reports). Immutable and thread-safe.
 */
public final class Messages {
  private final Locale fallback;
  private final Map<Locale, Map<String, String>> bundles;

  private Messages(Builder builder) {
    this.fallback = builder.fallback;
    Map<Locale, Map<String, String>> copy = new LinkedHashMap<>();
    builder.bundles.forEach((locale, bundle) -> copy.put(locale, Map.copyOf(bundle)));
    this.bundles = Map.copyOf(copy);
  }

  /** Starts bundles whose fallback locale is {@code fallback}; add its bundle first. */
  public static Builder builder(Locale fallback) {
    return new Builder(fallback);
  }

  /** Returns the fallback locale, used when a user's locale is not declared. */
  public Locale fallback() {
    return fallback;
  }

  /** Returns the declared locales. */
  public Set<Locale> locales() {
    return bundles.keySet();
  }

  /**
   * Returns the declared locale closest to {@code wanted}: the same tag, else the same language
   * ({@code ru-RU} gets {@code ru}), else the fallback.
   */
  public Locale resolve(Locale wanted) {
    Objects.requireNonNull(wanted, "wanted");
    if (bundles.containsKey(wanted)) {
      return wanted;
    }
    Locale language = Locale.forLanguageTag(wanted.getLanguage());
    return bundles.containsKey(language) ? language : fallback;
  }

  /** Returns whether the fallback bundle (and so every declared locale) has message {@code key}. */
  public boolean has(String key) {
    return bundles.get(fallback).containsKey(Objects.requireNonNull(key, "key"));
  }

  /**
   * Formats message {@code key} for {@code locale} (resolved first) with positional {@code args}.
   * Throws {@link IllegalArgumentException} naming the key when the fallback bundle lacks it.
   */
  public String format(Locale locale, String key, Object... args) {
    Objects.requireNonNull(key, "key");
    Locale resolved = resolve(locale);
    String pattern = bundles.get(resolved).get(key);
    if (pattern == null) {
      throw new IllegalArgumentException("message key '" + key + "' is not in the bundle of "
          + resolved.toLanguageTag() + " (declared keys: " + new TreeSet<>(bundles.get(fallback).keySet()) + ")");
    }
    // A new format per call: ICU's MessageFormat is not safe to share between lane threads.
    return new MessageFormat(pattern, resolved).format(args);
  }

  /**
   * Returns every problem of these bundles at once: a key of the fallback missing from another
   * locale, a key missing from the fallback, a pattern ICU cannot parse. Empty when all is well.
   */
  public List<String> problems() {
    List<String> found = new ArrayList<>();
    Set<String> reference = bundles.get(fallback).keySet();
    bundles.forEach((locale, bundle) -> {
      String tag = locale.toLanguageTag();
      new TreeSet<>(reference).stream().filter(key -> !bundle.containsKey(key))
          .forEach(key -> found.add("messages: locale " + tag + " has no key '" + key + "'"));
      new TreeSet<>(bundle.keySet()).stream().filter(key -> !reference.contains(key))
          .forEach(key -> found.add("messages: key '" + key + "' of locale " + tag
              + " is missing from the fallback " + fallback.toLanguageTag()));
      new TreeSet<>(bundle.keySet()).forEach(key -> checkPattern(tag, key, bundle.get(key), locale, found));
    });
    return found;
  }

  private static void checkPattern(String tag, String key, String pattern, Locale locale, List<String> found) {
    try {
      new MessageFormat(pattern, locale);
    } catch (IllegalArgumentException e) {
      found.add("messages: key '" + key + "' of locale " + tag + " is not a valid pattern: " + e.getMessage());
    }
  }

  /** Collects bundles; not thread-safe. */
  public static final class Builder {
    private final Locale fallback;
    private final Map<Locale, Map<String, String>> bundles = new LinkedHashMap<>();

    private Builder(Locale fallback) {
      this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** Adds (or replaces) the bundle of {@code locale}: message key to ICU pattern. */
    public Builder bundle(Locale locale, Map<String, String> messages) {
      bundles.put(Objects.requireNonNull(locale, "locale"), Map.copyOf(messages));
      return this;
    }

    /**
     * Adds the bundle of {@code locale} from a UTF-8 properties file on the class path. Throws
     * {@link IllegalArgumentException} naming the resource when it does not exist.
     */
    public Builder resource(Locale locale, String resource) {
      Objects.requireNonNull(resource, "resource");
      try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(strip(resource))) {
        if (in == null) {
          throw new IllegalArgumentException("message bundle " + resource + " for "
              + locale.toLanguageTag() + " is not on the class path");
        }
        Properties properties = new Properties();
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, String> messages = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> messages.put(key, properties.getProperty(key)));
        return bundle(locale, messages);
      } catch (IOException e) {
        throw new UncheckedIOException("could not read message bundle " + resource, e);
      }
    }

    /**
     * Builds the bundles. Throws {@link IllegalArgumentException} when the fallback locale has no
     * bundle; key and pattern problems are reported by {@code Bot.build()}.
     */
    public Messages build() {
      if (!bundles.containsKey(fallback)) {
        throw new IllegalArgumentException("messages: the fallback locale " + fallback.toLanguageTag()
            + " has no bundle; declared: " + bundles.keySet());
      }
      return new Messages(this);
    }

    private static String strip(String resource) {
      return resource.startsWith("/") ? resource.substring(1) : resource;
    }
  }
}
