package io.ttscenes.runtime.json;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the read-only reference material in {@code ../shared} next to the repository root. When
 * it is absent the calling test fails, unless {@code TTSCENES_NO_SHARED} is set (property or
 * environment), in which case it is skipped with a message saying so.
 */
final class SharedFiles {
  private SharedFiles() {}

  /** The {@code tamtam-api} folder of the shared material. */
  static Path tamtamApi() {
    Path root = repositoryRoot();
    Path dir = locate(root);
    if (dir == null) {
      dir = root.resolveSibling("shared").resolve("tamtam-api");
      boolean optional = System.getProperty("TTSCENES_NO_SHARED") != null
          || System.getenv("TTSCENES_NO_SHARED") != null;
      assumeTrue(!optional, "skipped: TTSCENES_NO_SHARED is set and " + dir + " is absent");
      throw new IllegalStateException("reference material not found at " + dir
          + "; check out ../shared next to the repository or set TTSCENES_NO_SHARED to skip");
    }
    return dir;
  }

  /**
   * {@code ../shared} of the repository root; a git worktree lives one level deeper
   * ({@code wt/<name>}), so the parents of the root are tried too.
   */
  private static Path locate(Path root) {
    for (Path d = root.getParent(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("shared").resolve("tamtam-api");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (isParentPom(d.resolve("pom.xml"))) {
        return d;
      }
    }
    throw new IllegalStateException("no ttscenes-parent pom.xml above " + dir);
  }

  private static boolean isParentPom(Path pom) {
    if (!Files.isRegularFile(pom)) {
      return false;
    }
    try {
      return Files.readString(pom).contains("<artifactId>ttscenes-parent</artifactId>");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
