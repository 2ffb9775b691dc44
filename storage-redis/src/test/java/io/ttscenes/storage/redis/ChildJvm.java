package io.ttscenes.storage.redis;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a main class of the tests as a JVM of its own (the kill tests' bots), which ends itself when
 * the test JVM that started it dies: a test JVM killed by a CI timeout or Ctrl-C would otherwise
 * leave its bots polling, holding leases and writing to Redis with no one to stop them.
 *
 * <p>The child runs {@link #main} first, which watches the parent and then calls the real main.
 * The parent's id travels on the command line, so a parent that died before the child looked
 * (the child then has another parent, init or a subreaper) ends the child at once.
 */
final class ChildJvm {
  /** The exit status of a child that ended because its parent was gone. */
  static final int ORPHANED = 3;

  private ChildJvm() {}

  /**
   * Starts {@code main} in a new JVM on this JVM's class path with {@code environment} added to
   * this one's; its output goes to {@code target/<logName>.log}, kept for the reader of a failed run.
   */
  static Process start(Class<?> main, Map<String, String> environment, String logName) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ChildJvm.class.getName(),
        Long.toString(ProcessHandle.current().pid()), main.getName());
    builder.environment().putAll(environment);
    Path log = Path.of("target", logName + ".log");
    return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** In the child: {@code <parent pid> <main class>}; the main class runs with no arguments. */
  public static void main(String[] args) throws Throwable {
    long expected = Long.parseLong(args[0]);
    Optional<ProcessHandle> parent = ProcessHandle.current().parent().filter(p -> p.pid() == expected);
    if (parent.isEmpty()) {
      System.err.println("the test JVM " + expected + " that started this process is gone; ending");
      Runtime.getRuntime().halt(ORPHANED);
    }
    // Halt, as the test's own SIGKILL would: a graceful close could wait on the fake TamTam and
    // Redis that went with the test.
    parent.get().onExit().thenRun(() -> {
      System.err.println("the test JVM " + expected + " that started this process died; ending");
      Runtime.getRuntime().halt(ORPHANED);
    });
    try {
      Method main = Class.forName(args[1]).getMethod("main", String[].class);
      main.setAccessible(true);
      main.invoke(null, (Object) new String[0]);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
