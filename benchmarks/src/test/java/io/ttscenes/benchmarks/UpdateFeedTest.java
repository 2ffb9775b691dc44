package io.ttscenes.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class UpdateFeedTest {
  private final UpdateFeed feed = new UpdateFeed();

  @Test
  void pollWithoutMarkerReturnsPendingUpdatesUpToTheLimitAndTheNextMarker() throws Exception {
    feed.release(List.of("a", "b", "c"));

    UpdateFeed.Batch batch = feed.poll(null, 2, 0);

    assertEquals(List.of("a", "b"), batch.updates());
    assertEquals(3, batch.marker());
  }

  @Test
  void markerCommitsEverythingBeforeItSoItIsNotDeliveredAgain() throws Exception {
    feed.release(List.of("a", "b", "c"));
    long marker = feed.poll(null, 2, 0).marker();

    assertEquals(List.of("c"), feed.poll(marker, 100, 0).updates());
    assertEquals(List.of("c"), feed.poll(null, 100, 0).updates(), "uncommitted updates are delivered again");
  }

  @Test
  void pollWithNothingPendingAnswersEmptyWithTheSameMarkerAfterItsTimeout() throws Exception {
    feed.release(List.of("a"));
    long marker = feed.poll(null, 100, 0).marker();

    UpdateFeed.Batch empty = feed.poll(marker, 100, 1);

    assertEquals(List.of(), empty.updates());
    assertEquals(marker, empty.marker());
  }

  @Test
  void waitingPollIsWokenByARelease() throws Exception {
    CompletableFuture<UpdateFeed.Batch> waiting = CompletableFuture.supplyAsync(() -> {
      try {
        return feed.poll(null, 100, TimeUnit.MINUTES.toMillis(5));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });

    feed.release(List.of("late"));

    // The five-minute poll returns at once; the timeout here is only a safety net.
    assertEquals(List.of("late"), waiting.get(60, TimeUnit.SECONDS).updates());
  }
}
