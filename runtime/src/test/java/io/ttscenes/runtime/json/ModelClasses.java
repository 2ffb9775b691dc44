package io.ttscenes.runtime.json;

import io.ttscenes.api.model.Update;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists the public top-level types of {@code io.ttscenes.api.model} from where they were loaded:
 * the class folder of an IDE or compile run, or the module jar of a Maven {@code verify}.
 */
final class ModelClasses {
  private static final String PACKAGE = Update.class.getPackageName();

  private ModelClasses() {}

  static List<Class<?>> all() {
    Path location = location();
    try {
      if (Files.isDirectory(location)) {
        return list(location.resolve(PACKAGE.replace('.', '/')));
      }
      try (FileSystem jar = FileSystems.newFileSystem(location)) {
        return list(jar.getPath(PACKAGE.replace('.', '/')));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Class<?>> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.startsWith("package-info"))
          .<Class<?>>map(n -> load(n.substring(0, n.length() - ".class".length())))
          .filter(c -> Modifier.isPublic(c.getModifiers()))
          .toList();
    }
  }

  private static Path location() {
    try {
      return Path.of(Update.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Class<?> load(String simpleName) {
    try {
      return Class.forName(PACKAGE + "." + simpleName);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
