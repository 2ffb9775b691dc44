package io.ttscenes.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link PrintStream} whose lines a test takes one by one as they are printed. */
final class Lines {
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final PrintStream out = new PrintStream(new OutputStream() {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        lines.add(line.toString(StandardCharsets.UTF_8));
        line.reset();
      } else {
        line.write(b);
      }
    }
  }, true, StandardCharsets.UTF_8);

  PrintStream stream() {
    return out;
  }

  /** Returns the next line; fails after a minute, a safety net only. */
  String next() throws InterruptedException {
    String line = lines.poll(60, TimeUnit.SECONDS);
    if (line == null) {
      throw new AssertionError("no line printed within a minute");
    }
    return line;
  }

  /** Returns the value of {@code key=value} in {@code line}; fails when it is not there. */
  static String field(String line, String key) {
    for (String part : line.split(" ")) {
      if (part.startsWith(key + "=")) {
        return part.substring(key.length() + 1);
      }
    }
    throw new AssertionError("no " + key + "= in: " + line);
  }
}
