package io.ttscenes.api.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the read-only reference material in {@code ../shared} beside the repository root (the
 * directory whose {@code pom.xml} is {@code ttscenes-parent}); a git worktree lives deeper
 * ({@code wt/<name>}), so the root's further parents are tried too. When it is absent the calling
 * test fails with a message saying where it looked, unless {@code TTSCENES_NO_SHARED} is set
 * (system property or environment), which turns the failure into a JUnit skip that says so.
 * Shared by every module's tests through the scenes-api test-jar.
 */
public final class SharedFiles {
  private SharedFiles() {}

  /** The {@code shared/tamtam-api} folder: the schemas and the MAX wire samples. */
  public static Path tamtamApi() {
    Path root = repositoryRoot();
    for (Path dir = root.getParent(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("tamtam-api");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    Path expected = root.resolveSibling("shared").resolve("tamtam-api");
    assumeTrue(System.getProperty("TTSCENES_NO_SHARED") == null
            && System.getenv("TTSCENES_NO_SHARED") == null,
        "skipped: TTSCENES_NO_SHARED is set and " + expected + " is absent");
    throw new IllegalStateException("reference material not found at " + expected
        + "; check out ../shared next to the repository or set TTSCENES_NO_SHARED to skip");
  }

  /** The official TamTam Bot API schema, {@code tamtam-api/tamtam-schema.yaml}. */
  public static Path tamtamSchema() {
    return tamtamApi().resolve("tamtam-schema.yaml");
  }

  /** The folder of real MAX wire samples, {@code tamtam-api/max-wire-samples}. */
  public static Path maxWireSamples() {
    return tamtamApi().resolve("max-wire-samples");
  }

  private static Path repositoryRoot() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (isParentPom(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no pom.xml of ttscenes-parent above " + start);
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
