package io.ttscenes.runtime.client;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates {@code tamtam-schema.yaml} in the read-only {@code shared} folder beside the repository
 * root (or beside one of its parents, for git worktrees). Missing material fails the test, unless
 * {@code TTSCENES_NO_SHARED} is set, which turns it into a skip that says why.
 */
final class SharedSchema {
  private SharedSchema() {}

  static Path tamtamSchema() {
    Path root = repositoryRoot();
    for (Path dir = root.getParent(); dir != null; dir = dir.getParent()) {
      Path schema = dir.resolve("shared").resolve("tamtam-api").resolve("tamtam-schema.yaml");
      if (Files.isRegularFile(schema)) {
        return schema;
      }
    }
    Path expected = root.resolveSibling("shared").resolve("tamtam-api");
    assumeTrue(System.getProperty("TTSCENES_NO_SHARED") == null
            && System.getenv("TTSCENES_NO_SHARED") == null,
        "skipped because TTSCENES_NO_SHARED is set and " + expected + " is missing");
    throw new IllegalStateException("tamtam-schema.yaml not found in " + expected
        + "; put the shared material beside the repository or set TTSCENES_NO_SHARED to skip");
  }

  private static Path repositoryRoot() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path pom = dir.resolve("pom.xml");
      try {
        if (Files.isRegularFile(pom)
            && Files.readString(pom).contains("<artifactId>ttscenes-parent</artifactId>")) {
          return dir;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no pom.xml of ttscenes-parent above " + start);
  }
}
