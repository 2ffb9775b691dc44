package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.testkit.Emulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reliability bar "API faults" with signals, scheduled jobs and continuations in the workload:
 * for the whole run a tenth of all Bot API calls (polls and sends alike) fail, half with a 503 at
 * once, half with a 503 after a one-second hold (a gateway timing out); none of them is carried
 * out. The end state is exact all the same: every vote counted once, every job's and
 * continuation's message once, every reply once ({@link WorkloadRun}).
 */
final class WorkloadUnderApiFaultsTest {
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.any();

  private static final Duration WAIT = Duration.ofSeconds(60);

  @RegisterExtension final WorkloadBot bot = new WorkloadBot(REDIS, "workload-faults");

  @Test
  void aTenthOfApiCallsFailingLosesAndRepeatsNothingOfVotesJobsAndContinuations() throws Exception {
    Emulator tamtam = bot.tamtam();
    WorkloadRun run = bot.run();
    tamtam.faults().failShare(0.10, Duration.ofSeconds(1), 10);

    run.vote();
    Duration took = run.finish(REDIS, WAIT);

    long faults = tamtam.faults().injected();
    System.out.printf("api faults: %d users, %d messages, %d of %d calls failed, settled in %d ms%n",
        WorkloadRun.USERS, run.delivered(), faults, tamtam.faults().calls(), took.toMillis());
    assertTrue(faults >= WorkloadRun.USERS / 10, "only " + faults + " faults were injected");
  }
}
