package io.ttscenes.benchmarks;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Warms the fake Bot API's own code up before the measured server listens: a throwaway
 * {@link FakeBotApi} on another free port runs the whole survey for some users, played by a
 * {@link ScriptedBot} over two {@link LoopbackClient} connections in this thread (polls on one, replies
 * on the other). Without it the server's loop is interpreted while it should measure the bot.
 * Blocking; nothing of it is counted by the server that comes after.
 */
final class SelfWarmUp {
  /**
   * Users of the default warm-up: about 30,000 requests (five per user and the polls), enough for
   * the loop and what it calls to be compiled; about 1.5 s on a 2-core machine.
   */
  static final int USERS = 6_000;

  /**
   * What a warm-up cost.
   *
   * @param requests the HTTP requests served
   * @param seconds its wall time
   * @param cpuSeconds this process's CPU time during it, -1 when unknown
   */
  record Result(long requests, double seconds, double cpuSeconds) {
    /** Returns the figures as {@code key=value} pairs, each after a space. */
    String describe() {
      return String.format(Locale.ROOT, " self_warmup_requests=%d self_warmup_s=%.2f self_warmup_cpu_s=%.2f",
          requests, seconds, cpuSeconds);
    }
  }

  private SelfWarmUp() {}

  /**
   * Runs the survey for {@code users} users against a throwaway server and closes it; throws
   * {@link IllegalStateException} when the flow went wrong (the server would be broken).
   */
  static Result run(int users) {
    long start = System.nanoTime();
    double cpuBefore = ProcessCpu.seconds();
    try (FakeBotApi api = FakeBotApi.start(users, 0);
        LoopbackClient polls = new LoopbackClient(api.port());
        LoopbackClient posts = new LoopbackClient(api.port())) {
      ScriptedBot bot = new ScriptedBot(polls, posts);
      long marker = 0;
      while (!api.awaitFinished(0, TimeUnit.SECONDS)) {
        marker = bot.pollOnce(marker, 1).marker();
      }
      Figures figures = api.figures();
      if (figures.errors() != 0 || figures.unexpected() != 0) {
        throw new IllegalStateException("the self warm-up's survey went wrong: " + figures.line());
      }
      double cpu = cpuBefore < 0 ? -1 : ProcessCpu.seconds() - cpuBefore;
      return new Result(figures.apiCalls(), (System.nanoTime() - start) / 1e9, cpu);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the self warm-up", e);
    }
  }

}
