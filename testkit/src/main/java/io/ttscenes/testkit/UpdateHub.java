package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where updates for the bot go: to every webhook subscription when there is one, otherwise to the
 * long-poll log. The log numbers updates from 1; a marker is the number of the next update to
 * hand out, and passing it commits every update before it. Thread-safe.
 */
final class UpdateHub {
  private final List<ObjectNode> log = new ArrayList<>();
  private final Map<String, WebhookDelivery> subscriptions = new LinkedHashMap<>();
  private final Clock clock;
  private final WebhookRetry retry;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private long committed = 1;
  private int waitingPolls;

  UpdateHub(Clock clock, WebhookRetry retry) {
    this.clock = clock;
    this.retry = retry;
  }

  synchronized void publish(ObjectNode update) {
    if (!subscriptions.isEmpty()) {
      subscriptions.values().forEach(delivery -> delivery.offer(update));
      return;
    }
    log.add(update);
    notifyAll();
  }

  /** Answers one {@code GET /updates}; waits up to {@code timeout} when nothing is pending. */
  synchronized ObjectNode poll(Long marker, int limit, Duration timeout, Set<String> types)
      throws InterruptedException {
    if (!subscriptions.isEmpty()) {
      throw new ApiError(405, "method.not.allowed",
          "Long polling is not available while the bot has webhook subscriptions");
    }
    long next = log.size() + 1L;
    long start = marker == null ? committed : Math.max(committed, Math.min(marker, next));
    if (start != committed) {
      committed = start;
      notifyAll();
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    ArrayNode found = Json.array();
    long position = scan(start, limit, types, found);
    while (found.isEmpty() && deadline - System.nanoTime() > 0) {
      waitingPolls++;
      notifyAll();
      try {
        wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } finally {
        waitingPolls--;
      }
      position = scan(position, limit, types, found);
    }
    ObjectNode result = Json.object();
    result.set("updates", found);
    result.put("marker", position);
    return result;
  }

  private long scan(long from, int limit, Set<String> types, ArrayNode into) {
    long position = from;
    while (position <= log.size() && into.size() < limit) {
      ObjectNode update = log.get((int) position - 1);
      position++;
      if (types.isEmpty() || types.contains(update.path("update_type").asText())) {
        into.add(update);
      }
    }
    return position;
  }

  /**
   * Blocks until a long poll passed a marker beyond every update published so far, i.e. the bot
   * acknowledged all of them (for tests); returns false on timeout. Long polling only: updates
   * delivered to webhooks never enter the log, so they are not waited for.
   */
  synchronized boolean awaitAcknowledged(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (committed <= log.size() && deadline - System.nanoTime() > 0) {
      wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
    return committed > log.size();
  }

  /** The number of updates published to the long-poll log and not acknowledged yet. */
  synchronized int unacknowledged() {
    return (int) (log.size() + 1 - committed);
  }

  /** Blocks until {@code count} long polls are parked waiting for updates (for tests). */
  synchronized boolean awaitWaitingPolls(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (waitingPolls < count && deadline - System.nanoTime() > 0) {
      wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
    return waitingPolls >= count;
  }

  synchronized void subscribe(String url, Set<String> types, String version) {
    WebhookDelivery old = subscriptions.remove(url);
    if (old != null) {
      old.close();
    }
    subscriptions.put(url, new WebhookDelivery(http, url, types, version, clock, retry));
    notifyAll();
  }

  synchronized boolean unsubscribe(String url) {
    WebhookDelivery removed = subscriptions.remove(url);
    if (removed != null) {
      removed.close();
    }
    return removed != null;
  }

  synchronized JsonNode subscriptionsJson() {
    ArrayNode list = Json.array();
    subscriptions.values().forEach(delivery -> list.add(delivery.json()));
    return Json.object().set("subscriptions", list);
  }

  synchronized void close() {
    subscriptions.values().forEach(WebhookDelivery::close);
    subscriptions.clear();
    notifyAll();
  }
}
