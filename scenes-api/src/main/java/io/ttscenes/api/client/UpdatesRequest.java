package io.ttscenes.api.client;

import java.util.Set;

/**
 * Parameters of {@link BotApi#getUpdates}: the marker of the next update to get
 * ({@code null}: every update not yet committed), at most {@code limit} updates (1..1000),
 * waiting up to {@code timeoutSeconds} (0..90) for one to arrive, only of the given
 * {@code types} (empty: all).
 */
public record UpdatesRequest(Long marker, int limit, int timeoutSeconds, Set<String> types) {
  /** Validates the limits; {@code types} null is read as empty. */
  public UpdatesRequest {
    ApiLimits.checkRange("getUpdates limit", limit, 1, ApiLimits.UPDATES_LIMIT_MAX);
    ApiLimits.checkRange(
        "getUpdates timeout", timeoutSeconds, 0, ApiLimits.POLL_TIMEOUT_MAX_SECONDS);
    types = types == null ? Set.of() : Set.copyOf(types);
  }

  /** The API defaults: no marker, 100 updates, 30 s timeout, all types. */
  public static UpdatesRequest defaults() {
    return new UpdatesRequest(null, 100, 30, Set.of());
  }

  /** This request continuing from {@code nextMarker} (null: from the last commit). */
  public UpdatesRequest withMarker(Long nextMarker) {
    return new UpdatesRequest(nextMarker, limit, timeoutSeconds, types);
  }

  /** This request with another long-polling timeout. */
  public UpdatesRequest withTimeoutSeconds(int seconds) {
    return new UpdatesRequest(marker, limit, seconds, types);
  }

  /** This request with another page size. */
  public UpdatesRequest withLimit(int maxUpdates) {
    return new UpdatesRequest(marker, maxUpdates, timeoutSeconds, types);
  }

  /** This request restricted to the given update types. */
  public UpdatesRequest withTypes(Set<String> updateTypes) {
    return new UpdatesRequest(marker, limit, timeoutSeconds, updateTypes);
  }
}
