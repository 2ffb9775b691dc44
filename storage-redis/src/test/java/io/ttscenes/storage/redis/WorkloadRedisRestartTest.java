package io.ttscenes.storage.redis;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reliability bar "Redis restart" with signals, scheduled jobs and continuations in the
 * workload: Redis (append-only, fsync always) stops once a third of the voters' messages are out,
 * with votes, signals, jobs and continuations in every stage of flight, and comes back a second
 * later. The end state is exact all the same ({@link WorkloadRun}).
 */
final class WorkloadRedisRestartTest {
  // Its own binary with appendfsync always: the test stops and restarts the server.
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.ownBinary();

  private static final Duration WAIT = Duration.ofSeconds(60);

  @RegisterExtension final WorkloadBot bot = new WorkloadBot(REDIS, "workload-restart");

  @Test
  void redisRestartingMidRunLosesAndRepeatsNothingOfVotesJobsAndContinuations() throws Exception {
    WorkloadRun run = bot.run();

    run.vote();
    run.awaitDelivered(run.expected() / 3, WAIT);
    long atStop = run.delivered();
    REDIS.stop();
    // The outage itself, not a wait for a result: the bot meets a Redis that is down.
    Thread.sleep(1_000);
    REDIS.restart();
    Duration took = run.finish(REDIS, WAIT);

    System.out.printf("redis restart: %d users, %d messages (%d before the stop), 1 restart, settled in %d ms%n",
        WorkloadRun.USERS, run.delivered(), atStop, took.toMillis());
  }
}
