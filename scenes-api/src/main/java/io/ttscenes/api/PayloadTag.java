package io.ttscenes.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The tag and version of a typed payload record (see {@link PayloadType}), and the mark that
 * makes a typed callback payload recognisable before it is decoded: {@code ~tag.version.}.
 *
 * @param tag the short type tag
 * @param version the record's shape version
 */
public record PayloadTag(String tag, int version) {
  /** The first character of every typed payload, so plain payloads such as {@code "yes"} never clash. */
  public static final String MARK = "~";

  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_-]{1,16}");

  /** Checks the tag's form and that the version is positive. */
  public PayloadTag {
    Objects.requireNonNull(tag, "tag");
    if (!TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException("payload tag '" + tag
          + "' must be 1-16 letters, digits, '_' or '-'");
    }
    if (version < 1) {
      throw new IllegalArgumentException("payload version of '" + tag + "' is " + version + "; it must be >= 1");
    }
  }

  /**
   * The tag of {@code type}: its {@link PayloadType} or its simple name and version 1. Throws
   * {@link IllegalArgumentException} when {@code type} is not a record (a record's components give
   * the payload a defined order).
   */
  public static PayloadTag of(Class<?> type) {
    Objects.requireNonNull(type, "type");
    if (!type.isRecord()) {
      throw new IllegalArgumentException("typed payload " + type.getName() + " must be a record");
    }
    PayloadType declared = type.getAnnotation(PayloadType.class);
    return declared == null ? new PayloadTag(type.getSimpleName(), 1)
        : new PayloadTag(declared.tag(), declared.version());
  }

  /** Returns the start of every payload of this tag, whatever its version: {@code ~tag.}. */
  public String prefix() {
    return MARK + tag + ".";
  }

  /** Returns whether {@code payload} is a typed payload of this tag (of any version). */
  public boolean marks(String payload) {
    return payload.startsWith(prefix());
  }
}
