package io.ttscenes.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a record used as typed button data or a typed start-link payload: a short {@code tag}
 * written into every payload (keep it short, the payload limits are small) and a {@code version}
 * to raise when the record's components change, so buttons and links made by an older release are
 * recognised as stale instead of being decoded wrongly. Without it the tag is the record's simple
 * name and the version 1.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PayloadType {

  /** The tag: 1-16 letters, digits, {@code _} or {@code -}, unique within the bot. */
  String tag();

  /** The version of the record's shape; payloads of another version are stale. */
  int version() default 1;
}
