package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.testkit.Emulator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reliability bar "kill -9" with signals, scheduled jobs and continuations in the workload:
 * the bot runs as a process of its own on a persistent Redis and is killed with SIGKILL mid-run,
 * while TamTam refuses every send (503), so that committed replies, parked replies, fired jobs,
 * delivered signals and continuations waiting for their send are all in flight. A new process on
 * the same Redis and state directory finishes the run; the end state is exact ({@link WorkloadRun}).
 *
 * <p>Why sends are refused at the kill: a reply TamTam accepted is cleared from the store only by
 * the session's next commit or a pass once it is 2 s old (every second), so a kill within that
 * window sends it again (replies are at least once, see docs/architecture.md). Refusing sends for
 * longer than that window before the kill makes every remaining repeat a defect.
 *
 * <p>Why the run may take a minute after the restart: a due timer (a job, or a signal or
 * continuation waiting in an inbox) that the killed process had claimed is due again only when its
 * 60 s claim lease ends; the restart takes the dead process's other leases over at once, not its
 * timer claims.
 */
final class WorkloadKillTest {
  // Its own binary with appendfsync always, as a deployed bot's Redis would persist.
  @RegisterExtension static final RedisServerExtension REDIS = RedisServerExtension.ownBinary();

  private static final String NAME = "workload-kill";
  private static final int USERS = 300;
  private static final int REFUSALS = 1_000_000;
  private static final Duration STARTUP = Duration.ofSeconds(60);
  /** The 60 s timer claim lease of the killed process plus room for a loaded machine. */
  private static final Duration WAIT = Duration.ofSeconds(100);
  /** The clear delay (2 s) plus the clearing pass's period (1 s) plus a second of slack. */
  private static final Duration CLEAR_WINDOW = Duration.ofSeconds(4);

  @TempDir Path stateDir;
  private Emulator tamtam;
  private Process bot;

  @AfterEach
  void stop() throws InterruptedException {
    if (bot != null) {
      bot.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    if (tamtam != null) {
      tamtam.close();
    }
  }

  @Test
  void aProcessKilledMidRunLeavesVotesJobsAndContinuationsToItsSuccessorExactlyOnce() throws Exception {
    tamtam = Emulator.start(0);
    bot = startBot("first");
    assertTrue(tamtam.awaitWaitingPolls(1, STARTUP), "the first process polls within " + STARTUP);
    WorkloadRun run = new WorkloadRun(tamtam, NAME, USERS);

    run.vote();
    run.awaitDelivered(run.expected() / 3, WAIT);
    tamtam.faults().unavailable("/messages", REFUSALS);
    WorkloadRun.awaitUntil(() -> tamtam.faults().pending("/messages") < REFUSALS - 50, WAIT,
        () -> "the process to meet refused sends");
    // Setup, not a result: every reply sent before the refusals is cleared from the store by now.
    Thread.sleep(CLEAR_WINDOW.toMillis());
    long atKill = run.delivered();
    long refused = REFUSALS - tamtam.faults().pending("/messages");
    bot.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    tamtam.faults().clear();

    long restart = System.nanoTime();
    bot = startBot("second");
    Duration took = run.finish(REDIS, WAIT);

    System.out.printf("kill -9: %d users, %d messages (%d before the kill, %d sends refused before it), "
        + "1 kill, settled %d ms after the restart (%d ms in all)%n", USERS, run.delivered(), atKill, refused,
        Duration.ofNanos(System.nanoTime() - restart).toMillis(), took.toMillis());
  }

  private Process startBot(String name) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        VoteWorkloadMain.class.getName());
    builder.environment().put("TAMTAM_API_URL", tamtam.baseUrl());
    builder.environment().put("TAMTAM_TOKEN", tamtam.token());
    builder.environment().put("REDIS_URL", REDIS.url());
    builder.environment().put("TTSCENES_BOT_NAME", NAME);
    builder.environment().put("TTSCENES_STATE_DIR", stateDir.toString());
    builder.environment().put("TTSCENES_POLL_TIMEOUT_SECONDS", "1");
    builder.environment().put("TTSCENES_TIMER_PERIOD_MS", "100");
    // Kept under target/ for a failed run's reader.
    Path log = Path.of("target", "workload-kill-" + name + ".log");
    return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }
}
