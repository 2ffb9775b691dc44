package io.ttscenes.runtime.ingress;

import static io.ttscenes.runtime.fake.Updates.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.fake.FakeTamTam;
import io.ttscenes.runtime.fake.RecordingSleeper;
import io.ttscenes.runtime.fake.ScriptedStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The marker is stored at most once per {@code markerSaveInterval} while pages keep coming (one
 * store round trip per page was most of the extra Redis commands of the steady survey), and the
 * one held back is stored by the next empty poll or on stop. Pages of one update each (limit 1)
 * make every page move the marker, as a steady trickle does.
 */
final class MarkerSaveIntervalTest {
  private final ScriptedStore store = new ScriptedStore();
  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private FakeTamTam tamtam;

  @BeforeEach
  void startTamTam() throws Exception {
    tamtam = FakeTamTam.start();
  }

  @AfterEach
  void stopEverything() throws Exception {
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      cleanup.get(i).close();
    }
    tamtam.close();
    store.dispose();
  }

  @Test
  void pagesWithinTheIntervalStoreOnlyTheFirstMarkerAndTheEmptyPollStoresTheLast() throws Exception {
    tamtam.push(message(1, "a"), message(2, "b"), message(3, "c"));
    start(Duration.ofSeconds(30), 1);

    assertTrue(tamtam.awaitPollWith(1003, Duration.ofSeconds(20)), "the three pages were handled");
    awaitStored(1003);
    assertEquals(List.of("saveMarker:1001", "saveMarker:1003"), markerSaves(),
        "the second page's marker is not stored: the first was stored less than 30 s before");
  }

  @Test
  void stopStoresTheMarkerHeldBack() throws Exception {
    tamtam.push(message(1, "a"), message(2, "b"), message(3, "c"));
    LongPollIngress ingress = start(Duration.ofSeconds(30), 30);

    assertTrue(tamtam.awaitPollWith(1003, Duration.ofSeconds(20)), "the three pages were handled");
    assertEquals(OptionalLong.of(1001), store.loadMarker(), "only the first page's marker is stored yet");
    assertTrue(ingress.stop(Duration.ofSeconds(20)));
    assertEquals(OptionalLong.of(1003), store.loadMarker());
    assertEquals(List.of("saveMarker:1001", "saveMarker:1003"), markerSaves());
  }

  @Test
  void zeroIntervalStoresEveryPagesMarker() throws Exception {
    tamtam.push(message(1, "a"), message(2, "b"), message(3, "c"));
    start(Duration.ZERO, 30);

    assertTrue(tamtam.awaitPollWith(1003, Duration.ofSeconds(20)), "the three pages were handled");
    assertEquals(List.of("saveMarker:1001", "saveMarker:1002", "saveMarker:1003"), markerSaves());
  }

  @Test
  void intervalOutsideZeroToThirtySecondsIsRefusedNamingIt() {
    LongPollIngress.Builder builder = LongPollIngress.builder(tamtam.client(), dispatcher(), store);
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> builder.markerSaveInterval(Duration.ofMillis(-1)));
    assertTrue(negative.getMessage().contains("PT-0.001S"), negative.getMessage());
    IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
        () -> builder.markerSaveInterval(Duration.ofSeconds(31)));
    assertTrue(tooLong.getMessage().contains("PT31S"), tooLong.getMessage());
    assertThrows(NullPointerException.class, () -> builder.markerSaveInterval(null));
  }

  private LongPollIngress start(Duration interval, int pollTimeoutSeconds) {
    LongPollIngress ingress = LongPollIngress.builder(tamtam.client(), dispatcher(), store)
        .timeoutSeconds(pollTimeoutSeconds).limit(1).sleeper(new RecordingSleeper())
        .markerSaveInterval(interval).build();
    cleanup.add(() -> ingress.stop(Duration.ofSeconds(20)));
    ingress.start();
    return ingress;
  }

  private Dispatcher dispatcher() {
    Bot bot = Bot.builder("marker-test").root(r -> r.onText(ctx -> ctx.reply("echo " + ctx.text()))).build();
    Dispatcher dispatcher = Dispatcher.builder(bot, store, tamtam.client()).parallelism(2).build();
    cleanup.add(dispatcher);
    return dispatcher;
  }

  private List<String> markerSaves() {
    return store.events().stream().filter(e -> e.startsWith("saveMarker:")).toList();
  }

  private void awaitStored(long marker) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!store.loadMarker().equals(OptionalLong.of(marker)) && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertEquals(OptionalLong.of(marker), store.loadMarker(), "the held-back marker was stored");
  }
}
