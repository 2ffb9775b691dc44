package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A test JVM stopped before it closed its cluster or its single server (Ctrl-C, SIGTERM, a
 * surefire timeout) still takes their redis-servers with it: the fixtures' shutdown hooks kill them.
 */
final class LocalRedisShutdownTest {
  @Test
  void stoppingTheJvmKillsTheRedisServersItNeverClosed() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ClusterUntilStopped.class.getName()).redirectErrorStream(true).start();
    try {
      List<Integer> ports = portsOf(child);
      assertEquals(LocalRedisCluster.MASTERS + 1, ports.size(), "ports " + ports);
      ports.forEach(port -> assertTrue(listening(port), "node " + port + " before the stop"));
      child.destroy(); // SIGTERM: shutdown hooks run
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the cluster's JVM did not stop");
      ports.forEach(port -> assertFalse(listening(port), "node " + port + " outlived its JVM"));
    } finally {
      child.destroyForcibly();
    }
  }

  private static List<Integer> portsOf(Process child) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    List<Integer> ports = new ArrayList<>();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("server ")) {
        ports.add(Integer.valueOf(line.substring(7)));
      } else if (line.startsWith("ports ")) {
        Arrays.stream(line.substring(6).split(",")).map(Integer::valueOf).forEach(ports::add);
        return ports;
      }
      seen.append(line).append('\n');
    }
    throw new AssertionError("the cluster's JVM ended without printing its ports:\n" + seen);
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException refused) {
      return false;
    }
  }
}
