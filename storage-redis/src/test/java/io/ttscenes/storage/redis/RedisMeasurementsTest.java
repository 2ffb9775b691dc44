package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.CommitResult;
import io.ttscenes.api.store.CommitResult.Committed;
import io.ttscenes.api.store.OutboxEntry;
import io.ttscenes.api.store.StoredSession;
import io.ttscenes.testkit.EmulatedUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;

/**
 * Measures, on a Redis of its own so no other traffic counts, the Redis commands one update
 * costs and the memory an idle wizard session takes, and holds them to the budget. Commands run
 * inside a Lua script also appear in INFO commandstats, so only the commands a client can send
 * (HGETALL, EVALSHA, SCRIPT LOAD, and ZADD in cluster mode, where no script calls ZADD) are
 * counted as round trips.
 */
final class RedisMeasurementsTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.ownBinary();

  private static final int UPDATES = 200;
  private static final int TRICKLE = 40;
  private static final Instant WAKE = Instant.parse("2030-01-01T00:00:00Z");
  private static final String SURVEY =
      "{\"scene\":\"survey\",\"step\":%d,\"data\":{\"payload\":\"promo42\",\"q1\":\"yes\"},"
          + "\"history\":[],\"v\":1}";
  private static final Set<String> CLIENT_COMMANDS = Set.of("hgetall", "evalsha", "script|load");

  @Test
  void hotPathCostsAtMostTwoCommandsPerUpdateAndOneOnANearCacheHit() {
    double plain = commandsPerUpdate(config("plain").build(), true, false);
    double near = commandsPerUpdate(config("near").nearCache(true).build(), true, false);
    double separateClear = commandsPerUpdate(config("clear").build(), false, false);
    double cluster = commandsPerUpdate(config("cluster").cluster(true).build(), true, true);
    System.out.printf("redis: commands/update=%.2f (near cache %.2f)%n", plain, near);
    System.out.printf("redis: commands/update with a separate clearOutbox=%.2f, cluster mode with"
        + " an outbox every update=%.2f%n", separateClear, cluster);

    assertTrue(plain <= 2.0, "commands/update " + plain);
    assertTrue(near <= 1.0, "near-cache commands/update " + near);
    assertTrue(separateClear <= 3.0, "with clearOutbox " + separateClear);
    assertTrue(cluster <= 3.0, "cluster mode " + cluster);
  }

  /**
   * The survey as the engine drives the store: each update takes {@code loadOrGuess}, commits,
   * and after a refusal commits again on the session it carried. 400 users answer four questions
   * in the burst's order (every first update, then every second...): 1.00 round trips per update,
   * where a load before each new user's first commit made it 1.25. After a restart (an empty near
   * cache) a returning user's first update costs 2, as the load and commit it took before.
   */
  @Test
  void aSurveyBurstCostsOneRoundTripPerUpdateAndAReturningUsersFirstUpdateTwo() {
    int users = 400;
    RedisConfig config = config("survey").nearCache(true).build();
    double burst;
    double returning;
    try (RedisSessionStore store = RedisSessionStore.create(config); UnifiedJedis admin = REDIS.newClient()) {
      long before = clientCommands(admin.info("commandstats"), false);
      for (int question = 0; question < 4; question++) {
        for (int user = 0; user < users; user++) {
          surveyUpdate(store, user, question);
        }
      }
      burst = (double) (clientCommands(admin.info("commandstats"), false) - before) / (4 * users);
    }
    try (RedisSessionStore restarted = RedisSessionStore.create(config); UnifiedJedis admin = REDIS.newClient()) {
      long before = clientCommands(admin.info("commandstats"), false);
      for (int user = 0; user < users; user++) {
        surveyUpdate(restarted, user, 4);
      }
      returning = (double) (clientCommands(admin.info("commandstats"), false) - before) / users;
    }
    System.out.printf("redis: survey round trips/update=%.4f, a returning user's first after a restart=%.4f%n",
        burst, returning);
    assertTrue(burst <= 1.1, "survey round trips/update " + burst);
    assertEquals(1.0, burst, 0.005, "one EVALSHA per update (and the one SCRIPT LOAD)");
    assertEquals(2.0, returning, 0.005, "the refused guess carrying the session, then the commit");
  }

  private static void surveyUpdate(RedisSessionStore store, int user, int question) {
    String key = "user:" + user;
    Optional<StoredSession> session = store.loadOrGuess(key).session();
    for (int attempt = 0; attempt < 2; attempt++) {
      long version = session.map(StoredSession::version).orElse(0L);
      Commit commit = new Commit(key, version, SURVEY.formatted(question), Optional.of(new OutboxEntry(
          "o" + question, "{\"text\":\"Q" + question + "\"}")), "mid." + user + "." + question, Duration.ofHours(24))
          .withClearedOutboxIds(question == 0 ? Set.of() : Set.of("o" + (question - 1)));
      CommitResult result = store.commit(commit);
      if (result instanceof Committed) {
        return;
      }
      session = ((CommitResult.Conflict) result).current();
    }
    throw new AssertionError("user " + user + " question " + question + " was refused twice");
  }

  @Test
  void clearingSentEntriesOfManySessionsTakesOneRoundTripPerFiveHundredEntries() {
    RedisConfig config = config("batch-clear").build();
    try (RedisSessionStore store = RedisSessionStore.create(config);
        UnifiedJedis admin = REDIS.newClient()) {
      Map<String, List<String>> sent = new TreeMap<>();
      for (int user = 0; user < 300; user++) {
        for (int entry = 0; entry < 2; entry++) {
          String id = "o" + user + "-" + entry;
          store.commit(new Commit("user:" + user, entry, "{}", Optional.of(new OutboxEntry(id, "p")),
              "mid." + id, Duration.ofHours(1)));
          sent.computeIfAbsent("user:" + user, k -> new ArrayList<>()).add(id);
        }
      }
      long before = clientCommands(admin.info("commandstats"), false);
      store.clearOutboxes(sent);
      long roundTrips = clientCommands(admin.info("commandstats"), false) - before;
      System.out.printf("redis: clearing 600 entries of 300 sessions took %d round trips%n", roundTrips);

      assertEquals(2, roundTrips, "600 entries in batches of " + RedisOutboxes.CLEAR_BATCH);
      assertEquals(List.of(), store.pendingOutboxes(1000));
      assertEquals(0, new RedisKeys(config.keyPrefix()).indexedOutboxes(admin),
          "emptied outboxes leave the index");
    }
  }

  @Test
  void idleWizardSessionTakesLittleMemory() {
    RedisConfig config = config("memory").build();
    try (RedisSessionStore store = RedisSessionStore.create(config);
        UnifiedJedis admin = REDIS.newClient()) {
      for (int i = 0; i < 3; i++) {
        store.commit(new Commit("user:100042", i, SURVEY.formatted(2), Optional.empty(),
            "mid.0000018c2f3a4b5c" + i, Duration.ofHours(24)));
      }
      long bytes = admin.memoryUsage(new RedisKeys(config.keyPrefix()).session("user:100042"), 0);
      long outbox = admin.exists(new RedisKeys(config.keyPrefix()).outbox("user:100042")) ? 1 : 0;
      System.out.printf("redis: idle session bytes=%d%n", bytes);

      assertEquals(0, outbox, "an idle session has no outbox key");
      assertTrue(bytes < 768, "an idle wizard session takes " + bytes + " bytes");
    }
  }

  /**
   * The steady shape's extra commands were one save-marker script (EVALSHA with GET and SET inside)
   * per page, and at a trickle each page holds one update. A user answering right away gets
   * {@link #TRICKLE} one-update pages within a second or two: the marker may be stored about once
   * a second, not once per page. Other SETs (lease takes) are few; the bound allows them.
   */
  @Test
  void aTrickleOfOneUpdatePagesStoresTheMarkerAboutOnceASecond() throws Exception {
    Bot echo = Bot.builder("trickle").root(r -> r.onText(ctx -> ctx.reply("echo " + ctx.text()))).build();
    try (BotOnRedis running = BotOnRedis.start(echo, "measure-trickle", REDIS.url());
        UnifiedJedis admin = REDIS.newClient()) {
      EmulatedUser ann = running.emulator.user("Ann");
      ann.sendText("warm");
      assertEquals("echo warm", ann.awaitMessage(Duration.ofSeconds(20)).text());
      long setsBefore = calls(admin.info("commandstats")).getOrDefault("set", 0L);
      long start = System.nanoTime();
      for (int i = 0; i < TRICKLE; i++) {
        ann.sendText("m" + i);
        assertEquals("echo m" + i, ann.awaitMessage(Duration.ofSeconds(20)).text());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long sets = calls(admin.info("commandstats")).getOrDefault("set", 0L) - setsBefore;
      System.out.printf("redis: %d one-update pages in %.2f s stored the marker (SET) %d times%n", TRICKLE, seconds, sets);

      assertTrue(sets <= Math.ceil(seconds) + 4, sets + " SETs for " + TRICKLE + " pages in " + seconds + " s");
    }
  }

  private static RedisConfig.Builder config(String bot) {
    return RedisConfig.fromUrl(REDIS.url()).newBuilder().botName("measure-" + bot);
  }

  /**
   * Every command Redis ran (those inside scripts too) per survey update: a session without
   * scheduled jobs, and one whose wake stays the same (a timed scene mid-way), cost the same;
   * moving the wake on every update (an idle timeout) adds the timer's ZADD.
   */
  @Test
  void aSurveyStepRunsNoTimerCommandUnlessItsWakeMoves() {
    double plain = allCommandsPerUpdate(config("all-plain").build(), i -> Optional.empty());
    double waiting = allCommandsPerUpdate(config("all-wake").build(), i -> Optional.of(WAKE));
    double moving = allCommandsPerUpdate(config("all-idle").build(), i -> Optional.of(WAKE.plusSeconds(i)));
    System.out.printf("redis: all commands/update=%.2f, with an unchanged wake %.2f, with a moving wake %.2f%n",
        plain, waiting, moving);
    assertEquals(8.0, plain, 0.01, "HGETALL, EVALSHA, HMGET, HSET, PEXPIRE, PEXPIRE, HSET, HDEL");
    assertEquals(plain, waiting, 0.01);
    assertEquals(plain + 1, moving, 0.01, "plus the ZADD of the timer");
  }

  private static double allCommandsPerUpdate(RedisConfig config, IntFunction<Optional<Instant>> wakes) {
    try (RedisSessionStore store = RedisSessionStore.create(config);
        UnifiedJedis admin = REDIS.newClient()) {
      update(store, 0, true, wakes.apply(0));
      long before = allCommands(admin.info("commandstats"));
      for (int i = 1; i <= UPDATES; i++) {
        update(store, i, true, wakes.apply(i));
      }
      // The INFO that read "before" is counted in "after".
      long after = allCommands(admin.info("commandstats")) - 1;
      return (double) (after - before) / UPDATES;
    }
  }

  private static long allCommands(String commandStats) {
    return calls(commandStats).entrySet().stream().filter(e -> !e.getKey().equals("info"))
        .mapToLong(Map.Entry::getValue).sum();
  }

  /** Runs survey-like updates, each sending an outbox cleared by the next commit or separately. */
  private static double commandsPerUpdate(RedisConfig config, boolean foldClear, boolean cluster) {
    try (RedisSessionStore store = RedisSessionStore.create(config);
        UnifiedJedis admin = REDIS.newClient()) {
      update(store, 0, foldClear);
      long before = clientCommands(admin.info("commandstats"), cluster);
      for (int i = 1; i <= UPDATES; i++) {
        update(store, i, foldClear);
      }
      long after = clientCommands(admin.info("commandstats"), cluster);
      return (double) (after - before) / UPDATES;
    }
  }

  private static void update(RedisSessionStore store, int i, boolean foldClear) {
    update(store, i, foldClear, Optional.empty());
  }

  private static void update(RedisSessionStore store, int i, boolean foldClear, Optional<Instant> wake) {
    String key = "user:100042";
    long version = store.load(key).map(StoredSession::version).orElse(0L);
    Commit commit = new Commit(key, version, SURVEY.formatted(i % 5), Optional.of(
        new OutboxEntry("o" + i, "{\"method\":\"POST\",\"path\":\"/messages\",\"text\":\"Q" + i + "\"}")),
        "mid." + i, Duration.ofHours(24), Set.of(), wake);
    if (foldClear && i > 0) {
      commit = commit.withClearedOutboxIds(Set.of("o" + (i - 1)));
    }
    assertEquals(new Committed(version + 1), store.commit(commit));
    if (!foldClear) {
      store.clearOutbox(key, "o" + i);
    }
  }

  private static long clientCommands(String commandStats, boolean cluster) {
    return calls(commandStats).entrySet().stream()
        .filter(e -> CLIENT_COMMANDS.contains(e.getKey()) || cluster && e.getKey().equals("zadd"))
        .mapToLong(Map.Entry::getValue).sum();
  }

  private static Map<String, Long> calls(String commandStats) {
    Map<String, Long> calls = new TreeMap<>();
    for (String line : commandStats.split("\r?\n")) {
      if (line.startsWith("cmdstat_")) {
        String name = line.substring("cmdstat_".length(), line.indexOf(':'));
        String count = line.substring(line.indexOf("calls=") + 6, line.indexOf(','));
        calls.put(name, Long.parseLong(count));
      }
    }
    return calls;
  }
}
