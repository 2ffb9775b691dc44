package io.ttscenes.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

final class UpdateFeedTest {
  private final UpdateFeed feed = new UpdateFeed();

  @Test
  void pollWithoutMarkerReturnsPendingUpdatesUpToTheLimitAndTheNextMarker() {
    feed.release(List.of("a", "b", "c"));

    UpdateFeed.Batch batch = feed.take(null, 2);

    assertEquals(List.of("a", "b"), batch.updates());
    assertEquals(3, batch.marker());
  }

  @Test
  void markerCommitsEverythingBeforeItSoItIsNotDeliveredAgain() {
    feed.release(List.of("a", "b", "c"));
    long marker = feed.take(null, 2).marker();

    assertEquals(List.of("c"), feed.take(marker, 100).updates());
    assertEquals(List.of("c"), feed.take(null, 100).updates(), "uncommitted updates are delivered again");
  }

  @Test
  void pollWithNothingPendingAnswersEmptyWithTheSameMarker() {
    feed.release("a");
    long marker = feed.take(null, 100).marker();

    UpdateFeed.Batch empty = feed.take(marker, 100);

    assertEquals(List.of(), empty.updates());
    assertEquals(marker, empty.marker());
  }

  @Test
  void updatesReleasedLaterFollowTheMarker() {
    feed.release("a");
    long marker = feed.take(null, 100).marker();
    feed.release("b");

    UpdateFeed.Batch next = feed.take(marker, 100);

    assertEquals(List.of("b"), next.updates());
    assertEquals(marker + 1, next.marker());
  }
}
