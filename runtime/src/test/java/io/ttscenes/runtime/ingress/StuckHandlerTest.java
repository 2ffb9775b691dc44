package io.ttscenes.runtime.ingress;

import static io.ttscenes.runtime.fake.Updates.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.HandlerTimeoutException;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.fake.FakeTamTam;
import io.ttscenes.runtime.fake.ScriptedStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A handler that never returns (an external call without a timeout) stalls neither its own session
 * nor anyone else's, over real HTTP with long polling and webhooks.
 */
final class StuckHandlerTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final ScriptedStore store = new ScriptedStore();
  private final List<AutoCloseable> cleanup = new ArrayList<>();
  // Released by the test only: the stuck handler ignores interrupts until then.
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch stuck = new CountDownLatch(1);
  private final AtomicInteger stuckRuns = new AtomicInteger();
  private FakeTamTam tamtam;

  @BeforeEach
  void start() throws Exception {
    tamtam = FakeTamTam.start();
  }

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      cleanup.get(i).close();
    }
    tamtam.close();
    store.dispose();
  }

  @Test
  void aHandlerPastItsDeadlineGoesToTheExceptionHandlerAndEveryoneElseIsAnswered() throws Exception {
    // One lane thread: the session after the stuck one can only be answered on a thread lent for it.
    // Long enough that an echo under a loaded machine never overruns it.
    Dispatcher dispatcher = dispatcher(Duration.ofMillis(1500), 1, 16);
    LongPollIngress ingress = LongPollIngress.builder(tamtam.client(), dispatcher, store).timeoutSeconds(1).build();
    ingress.start();
    cleanup.add(() -> ingress.stop(Duration.ofSeconds(5)));

    tamtam.push(message(1, "block"), message(2, "hi"));
    List<String> texts = tamtam.awaitTexts(2);
    assertTrue(texts.contains("echo hi"), texts::toString);
    assertTrue(texts.contains("too slow: block"), texts::toString);

    tamtam.push(message(1, "again"), message(3, "hello"));
    texts = tamtam.awaitTexts(4);
    assertTrue(texts.containsAll(List.of("echo again", "echo hello")), "the stuck user's session moved on: " + texts);
  }

  @Test
  void theStuckRunNeverCommitsOrSendsWhenItComesBackLate() throws Exception {
    Dispatcher dispatcher = dispatcher(Duration.ofMillis(1500), 2, 16);
    LongPollIngress ingress = LongPollIngress.builder(tamtam.client(), dispatcher, store).timeoutSeconds(1).build();
    ingress.start();
    cleanup.add(() -> ingress.stop(Duration.ofSeconds(5)));
    tamtam.push(message(1, "block"));
    assertEquals(List.of("too slow: block"), tamtam.awaitTexts(1));

    release.countDown();
    // The stuck run returns now and would send "late"; the next update of the session sees the
    // session as the exception handler's commit left it, and its reply is the only one after.
    tamtam.push(message(1, "count"));
    assertEquals(List.of("too slow: block", "echo count"), tamtam.awaitTexts(2));
    tamtam.push(message(1, "count"));
    assertEquals(List.of("too slow: block", "echo count", "echo count"), tamtam.awaitTexts(3));
    assertFalse(tamtam.texts().contains("late"), tamtam.texts()::toString);
  }

  @Test
  void webhookRetriesOfAnUpdateStillInItsLaneTakeNoPlace() throws Exception {
    // Two places in all lanes, and a deadline far away: the retries come while the update runs.
    Dispatcher dispatcher = dispatcher(Duration.ofMinutes(5), 2, 2);
    WebhookIngress hook = WebhookIngress.builder(dispatcher, tamtam.client()).ackTimeout(Duration.ofMillis(300))
        .listen("127.0.0.1", 0).build();
    hook.start();
    cleanup.add(() -> hook.stop(Duration.ofSeconds(1)));

    String blocked = message(1, "block");
    assertEquals(503, post(hook, blocked).statusCode());
    assertTrue(stuck.await(20, TimeUnit.SECONDS));
    for (int retry = 0; retry < 4; retry++) {
      assertEquals(503, post(hook, blocked).statusCode(), "the update is still running");
    }
    assertEquals(1, dispatcher.queuedTasks(), "retries were queued behind the stuck update");
    // Its ack may take longer than 300 ms on a loaded machine; what counts is that it was queued.
    post(hook, message(2, "hi"));
    assertEquals(List.of("echo hi"), tamtam.awaitTexts(1), "another user found the lanes full");

    release.countDown();
    assertEquals(200, post(hook, blocked).statusCode());
    assertEquals(1, stuckRuns.get(), "the stuck update ran more than once");
    assertTrue(tamtam.texts().contains("late"), tamtam.texts()::toString);
  }

  private Dispatcher dispatcher(Duration deadline, int parallelism, int capacity) {
    Bot bot = Bot.builder("stuck")
        .root(r -> r.onText(ctx -> {
          if (ctx.text().equals("block")) {
            ctx.reply("late");
            blockUntilReleased();
          } else {
            ctx.reply("echo " + ctx.text());
          }
        }))
        .onException(HandlerTimeoutException.class, (ctx, e) -> ctx.reply("too slow: " + ctx.text()))
        .build();
    Dispatcher dispatcher = Dispatcher.builder(bot, store, tamtam.client()).parallelism(parallelism)
        .queueCapacity(capacity).handlerDeadline(deadline).build();
    cleanup.add(dispatcher);
    return dispatcher;
  }

  /** Like an external call with no timeout that also swallows interrupts: only the test ends it. */
  private void blockUntilReleased() {
    stuckRuns.incrementAndGet();
    stuck.countDown();
    while (true) {
      try {
        release.await();
        return;
      } catch (InterruptedException ignored) {
        // Swallowed on purpose: the worst kind of user code.
      }
    }
  }

  private HttpResponse<String> post(WebhookIngress hook, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hook.port() + hook.servedPath()))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
