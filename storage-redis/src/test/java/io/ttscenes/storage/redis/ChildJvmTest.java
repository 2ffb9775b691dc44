package io.ttscenes.storage.redis;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bots a kill test runs as processes of their own end when the test JVM dies, as a CI timeout
 * or Ctrl-C kills it: here a stand-in for the test JVM starts a child through {@link ChildJvm} and
 * is killed with SIGKILL.
 */
final class ChildJvmTest {
  private static final String CHILD = "child-jvm-child";
  /** Where {@link ChildJvm} puts the child's output. */
  private static final Path CHILD_LOG = Path.of("target", CHILD + ".log");
  private Process testJvm;
  private Optional<ProcessHandle> child = Optional.empty();

  @AfterEach
  void stop() {
    child.ifPresent(ProcessHandle::destroyForcibly);
    if (testJvm != null) {
      testJvm.destroyForcibly();
    }
  }

  @Test
  void aChildEndsItselfWhenTheTestJvmThatStartedItIsKilled() throws Exception {
    testJvm = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), TestJvm.class.getName())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(testJvm.getInputStream(), UTF_8));
    long childPid = Long.parseLong(out.readLine());
    child = ProcessHandle.of(childPid);
    assertTrue(child.isPresent() && child.get().isAlive(), "the child runs while its test JVM lives");
    // Killed before the child's JVM is up, the test JVM would be gone when the child first looks,
    // and only that first look would be tested: wait until the child runs its main, watching.
    long up = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!running(CHILD_LOG) && child.get().isAlive() && System.nanoTime() < up) {
      Thread.sleep(50);
    }
    assertTrue(running(CHILD_LOG) && child.get().isAlive(),
        "the child never ran its main while its test JVM lived");

    testJvm.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (child.get().isAlive() && System.nanoTime() < end) {
      Thread.sleep(100);
    }
    assertFalse(child.get().isAlive(), "the child of the killed test JVM still runs 60 s later");
  }

  @Test
  void aChildWhoseTestJvmWasGoneBeforeItLookedEndsAtOnce() throws Exception {
    // The parent id on the command line is not this JVM's: as if the test JVM had died and the
    // child had been handed to another parent before it looked.
    long notTheParent = ProcessHandle.current().pid() + 1;
    Process orphan = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
        ChildJvm.class.getName(), Long.toString(notTheParent), Forever.class.getName())
        .redirectErrorStream(true).redirectOutput(Path.of("target", "child-jvm-orphan.log").toFile()).start();
    child = Optional.of(orphan.toHandle());

    assertTrue(orphan.waitFor(60, TimeUnit.SECONDS), "the child outlived a test JVM it could not find");
    assertEquals(ChildJvm.ORPHANED, orphan.exitValue());
  }

  private static boolean running(Path log) throws IOException {
    return Files.exists(log) && Files.readString(log, UTF_8).contains(Forever.RUNNING);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Stands in for the test JVM: starts a child, prints its pid and waits to be killed. */
  static final class TestJvm {
    public static void main(String[] args) throws Exception {
      Process child = ChildJvm.start(Forever.class, Map.of(), CHILD);
      System.out.println(child.pid());
      System.out.flush();
      child.waitFor();
    }
  }

  /** A child that would run until killed; says so once it runs. */
  static final class Forever {
    static final String RUNNING = "running until killed";

    public static void main(String[] args) throws InterruptedException {
      System.out.println(RUNNING);
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
