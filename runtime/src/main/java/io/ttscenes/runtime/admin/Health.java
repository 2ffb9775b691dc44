package io.ttscenes.runtime.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.ingress.Ingress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Liveness and readiness. Ready means: the store answers a read of the poll marker within the
 * check timeout, the ingress is receiving (polling, standing by for the lease, or listening),
 * and the lanes are not saturated. Each check is reported in the JSON with a detail line;
 * readiness answers 503 when any fails.
 */
final class Health {
  static final Duration STORE_TIMEOUT = Duration.ofSeconds(2);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SessionStore store;
  private final Ingress ingress;
  private final Dispatcher dispatcher;
  // One daemon thread: a store that hangs holds it, and later checks time out instead of piling up.
  private final ExecutorService probe = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "ttscenes-admin-store-check");
    thread.setDaemon(true);
    return thread;
  });

  private CompletableFuture<Result> inFlight;

  Health(SessionStore store, Ingress ingress, Dispatcher dispatcher) {
    this.store = store;
    this.ingress = ingress;
    this.dispatcher = dispatcher;
  }

  Reply live() {
    return Reply.json(200, "{\"status\":\"UP\"}");
  }

  Reply ready() {
    ObjectNode checks = JSON.createObjectNode();
    boolean up = check(checks, "store", storeAnswers());
    up &= check(checks, "ingress", ingress.receiving() ? Result.up(ingress.describe())
        : Result.down(ingress.describe() + " is not receiving updates"));
    up &= check(checks, "lanes", dispatcher.saturated()
        ? Result.down("every lane place is taken; the ingress waits for room") : Result.up("room for updates"));
    ObjectNode body = JSON.createObjectNode().put("status", up ? "UP" : "DOWN");
    body.set("checks", checks);
    return Reply.json(up ? 200 : 503, body.toString());
  }

  void close() {
    probe.shutdownNow();
  }

  /** The store read in progress, or a new one: checks never queue up behind a hanging store. */
  private synchronized CompletableFuture<Result> storeRead() {
    if (inFlight == null || inFlight.isDone()) {
      inFlight = CompletableFuture.supplyAsync(() -> {
        store.loadMarker();
        return Result.up("the store answered");
      }, probe);
    }
    return inFlight;
  }

  private Result storeAnswers() {
    try {
      return storeRead().get(STORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return Result.down("the store did not answer within " + STORE_TIMEOUT.toMillis() + " ms");
    } catch (ExecutionException e) {
      return Result.down("the store failed: " + e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Result.down("interrupted while asking the store");
    } catch (RejectedExecutionException e) {
      return Result.down("the admin endpoint is closing");
    }
  }

  private static boolean check(ObjectNode checks, String name, Result result) {
    checks.putObject(name).put("status", result.up() ? "UP" : "DOWN").put("detail", result.detail());
    return result.up();
  }

  private record Result(boolean up, String detail) {
    static Result up(String detail) {
      return new Result(true, detail);
    }

    static Result down(String detail) {
      return new Result(false, detail);
    }
  }
}
