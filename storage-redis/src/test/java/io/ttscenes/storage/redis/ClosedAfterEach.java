package io.ttscenes.storage.redis;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test opened (the emulator, stores, runtimes, dispatchers), closed after it newest first,
 * so a runtime is closed before the store and the emulator it uses. Registered with
 * {@code @RegisterExtension} on an instance field. A failing close does not keep the rest open;
 * its error is thrown after all were tried.
 */
final class ClosedAfterEach implements AfterEachCallback {
  private final List<AutoCloseable> opened = new ArrayList<>();

  /** Closes {@code closeable} after the test, before anything added earlier; returns it. */
  <T extends AutoCloseable> T add(T closeable) {
    opened.add(closeable);
    return closeable;
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    Exception failed = null;
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception e) {
        if (failed == null) {
          failed = e;
        } else {
          failed.addSuppressed(e);
        }
      }
    }
    opened.clear();
    if (failed != null) {
      throw failed;
    }
  }
}
