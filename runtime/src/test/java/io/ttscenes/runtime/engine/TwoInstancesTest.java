package io.ttscenes.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class TwoInstancesTest {

  record Counter(int count) {}

  @Test
  void twoInstancesOnOneStoreCountEveryUpdateOnceAndSendEachReplyOnce() throws Exception {
    Bot bot = Bot.builder("shared")
        .sessionData(Counter.class, () -> new Counter(0))
        .root(r -> r.onText(ctx -> {
          int next = ctx.session(Counter.class).count() + 1;
          ctx.setSession(new Counter(next));
          ctx.reply(String.valueOf(next));
        }))
        .build();
    SessionStore store = InMemorySessionStore.create();
    RecordingBotApi api = new RecordingBotApi();
    // Enough attempts that contention between the two instances never exhausts them here.
    try (Dispatcher a = Dispatcher.builder(bot, store, api).parallelism(4).maxCommitAttempts(1000).build();
        Dispatcher b = Dispatcher.builder(bot, store, api).parallelism(4).maxCommitAttempts(1000).build()) {
      List<CompletableFuture<Void>> acks = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        // Like webhook deliveries landing on either instance.
        Dispatcher target = i % 2 == 0 ? a : b;
        acks.add(target.submit(TestUpdates.text(1, 10, "u" + i)));
      }
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }
    List<String> sorted = api.sentTexts().stream().sorted((x, y) -> Integer.parseInt(x) - Integer.parseInt(y)).toList();
    assertEquals(IntStream.rangeClosed(1, 200).mapToObj(String::valueOf).toList(), sorted);
  }
}
