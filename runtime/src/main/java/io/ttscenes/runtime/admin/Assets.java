package io.ttscenes.runtime.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Files served from the jar: mermaid's browser bundle (from its webjar) and the pages' templates.
 * Nothing is fetched from the internet when a page is opened.
 */
final class Assets {
  private static final String VERSIONS = "/io/ttscenes/runtime/admin/versions.properties";

  private Assets() {}

  /** The path of mermaid's self-contained browser bundle inside the webjar on the class path. */
  static String mermaidResource() {
    Properties versions = new Properties();
    try (InputStream in = Assets.class.getResourceAsStream(VERSIONS)) {
      if (in == null) {
        throw new IllegalStateException(VERSIONS + " is missing from the runtime jar");
      }
      versions.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "/META-INF/resources/webjars/mermaid/" + versions.getProperty("mermaid.version") + "/dist/mermaid.min.js";
  }

  /** The bytes of class path resource {@code path}; throws {@link IllegalStateException} when it is missing. */
  static byte[] read(String path) {
    try (InputStream in = Assets.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("resource " + path + " is not on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A text resource next to this class, e.g. a page template. */
  static String text(String name) {
    return new String(read("/io/ttscenes/runtime/admin/" + name), java.nio.charset.StandardCharsets.UTF_8);
  }
}
