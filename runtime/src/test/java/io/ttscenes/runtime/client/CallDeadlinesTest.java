package io.ttscenes.runtime.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** The one thread that cuts overdue API calls: it outlives what is done to it. */
final class CallDeadlinesTest {
  @Test
  void theCheckerInterruptedKeepsSleepingBetweenChecksAndStillCutsOverdueCalls() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      OkHttpClient client = new OkHttpClient.Builder().readTimeout(Duration.ZERO).build();
      // A first watch starts the checker; then something interrupts it.
      CallDeadlines.shared().release(
          CallDeadlines.shared().watch(call(client, server), TimeUnit.SECONDS.toNanos(60)));
      Thread checker = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().equals("ttscenes-http-deadlines")).findFirst().orElseThrow();
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      checker.interrupt();

      long cpuBefore = threads.getThreadCpuTime(checker.getId());
      Thread.sleep(1_000);
      long cpuNanos = threads.getThreadCpuTime(checker.getId()) - cpuBefore;
      // Spinning would burn most of the second; ten checks take well under a millisecond.
      assertTrue(cpuNanos < TimeUnit.MILLISECONDS.toNanos(200),
          "checker used " + cpuNanos / 1_000_000 + " ms of CPU");

      server.enqueue(new MockResponse.Builder().headersDelay(60, TimeUnit.SECONDS).body("late").build());
      Call held = call(client, server);
      CallDeadlines.Watch watch = CallDeadlines.shared().watch(held, TimeUnit.MILLISECONDS.toNanos(300));
      try {
        held.execute().close();
      } catch (IOException expected) {
        // cut by the checker
      } finally {
        CallDeadlines.shared().release(watch);
      }
      assertTrue(watch.expired(), "the held call was cut at its deadline");
      assertTrue(held.isCanceled());
    }
  }

  private static Call call(OkHttpClient client, MockWebServer server) {
    return client.newCall(new Request.Builder().url(server.url("/")).build());
  }
}
