package io.ttscenes.runtime.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The rehearsal takes its synthetic users through every step of the runtime's own wizard, offline. */
final class RehearsalTest {
  @Test
  void everySyntheticUserGoesThroughTheWizardAndIsAnsweredByTheCannedApi() throws Exception {
    try (Rehearsal rehearsal = new Rehearsal(RehearsalBot.create("rehearsed"), 4, Duration.ofSeconds(10), 8)) {
      int updates = rehearsal.run(16, System.nanoTime() + Duration.ofSeconds(60).toNanos(), new CompletableFuture<>());
      assertEquals(64, updates);
      // Per user: 16 polls in all, then the prompt, the button's answer, the next prompt and the thanks, the status.
      assertTrue(rehearsal.apiCalls() >= 8 + 16 * 5, "calls: " + rehearsal.apiCalls());
    }
  }

  @Test
  void noCallOfTheRehearsalEverLooksForARouteToConnect() throws Exception {
    // OkHttp asks the proxy selector for a route before it resolves a name or opens a socket (a
    // proxy from http.proxyHost included): a call answered in-process never gets that far.
    List<URI> routed = new CopyOnWriteArrayList<>();
    ProxySelector original = ProxySelector.getDefault();
    ProxySelector.setDefault(new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        routed.add(uri);
        return List.of(Proxy.NO_PROXY);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // Recorded by select already.
      }
    });
    try (Rehearsal rehearsal = new Rehearsal(RehearsalBot.create("offline"), 2, Duration.ofSeconds(10), 4)) {
      int updates = rehearsal.run(8, System.nanoTime() + Duration.ofSeconds(60).toNanos(), new CompletableFuture<>());
      assertEquals(List.of(), routed, "calls that went looking for a connection");
      assertEquals(32, updates);
      assertTrue(rehearsal.apiCalls() > 32, "calls: " + rehearsal.apiCalls());
    } finally {
      ProxySelector.setDefault(original);
    }
  }
}
