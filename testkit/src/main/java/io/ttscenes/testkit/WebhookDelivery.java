package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers updates to one webhook URL in order: only the oldest undelivered update is in flight,
 * and it is retried by the {@link WebhookRetry} policy until answered 200 or given up.
 */
final class WebhookDelivery {
  private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

  private final HttpClient http;
  private final String url;
  private final Set<String> types;
  private final String version;
  private final Clock clock;
  private final WebhookRetry retry;
  private final long time;
  private final Deque<ObjectNode> pending = new ArrayDeque<>();
  private final ScheduledExecutorService worker;
  private boolean inFlight;
  private Instant firstAttempt;

  WebhookDelivery(HttpClient http, String url, Set<String> types, String version, Clock clock,
      WebhookRetry retry) {
    this.http = http;
    this.url = url;
    this.types = Set.copyOf(types);
    this.version = version;
    this.clock = clock;
    this.retry = retry;
    this.time = clock.millis();
    this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "emulator-webhook");
      thread.setDaemon(true);
      return thread;
    });
  }

  synchronized void offer(ObjectNode update) {
    if (!types.isEmpty() && !types.contains(update.path("update_type").asText())) {
      return;
    }
    pending.add(update);
    if (!inFlight) {
      inFlight = true;
      worker.execute(this::attempt);
    }
  }

  private void attempt() {
    ObjectNode head;
    synchronized (this) {
      head = pending.peek();
      if (head == null) {
        inFlight = false;
        return;
      }
      if (firstAttempt == null) {
        firstAttempt = clock.instant();
      }
    }
    if (post(head)) {
      finishHead();
    } else if (Duration.between(firstAttempt, clock.instant()).compareTo(retry.giveUpAfter()) >= 0) {
      log.warn("webhook {}: giving up on an update after {}", url, retry.giveUpAfter());
      finishHead();
    } else {
      worker.schedule(this::attempt, nextDelay().toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private void finishHead() {
    synchronized (this) {
      pending.poll();
      firstAttempt = null;
    }
    worker.execute(this::attempt);
  }

  private Duration nextDelay() {
    long min = retry.minDelay().toNanos();
    long max = retry.maxDelay().toNanos();
    return Duration.ofNanos(max == min ? min : ThreadLocalRandom.current().nextLong(min, max + 1));
  }

  private boolean post(ObjectNode update) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url))
          .timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(update)))
          .build();
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status != 200) {
        log.info("webhook {} answered {}; will retry", url, status);
      }
      return status == 200;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      log.info("webhook {} failed: {}; will retry", url, e.toString());
      return false;
    }
  }

  ObjectNode json() {
    ObjectNode node = Json.object().put("url", url).put("time", time);
    ArrayNode list = node.putArray("update_types");
    types.forEach(list::add);
    node.put("version", version);
    return node;
  }

  void close() {
    worker.shutdownNow();
  }
}
