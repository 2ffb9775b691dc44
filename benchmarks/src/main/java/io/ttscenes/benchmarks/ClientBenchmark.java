package io.ttscenes.benchmarks;

import io.ttscenes.api.client.MessageTarget;
import io.ttscenes.api.model.NewMessageBody;
import io.ttscenes.api.model.SendMessageResult;
import io.ttscenes.runtime.client.OkHttpBotApi;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@code POST /messages} through {@link OkHttpBotApi} to the fake Bot API over loopback, one
 * call at a time: the cost the survey pays for each reply. The fake server runs in the same JVM,
 * so its (small) share is inside the time and the allocation figures.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClientBenchmark {
  // Not one of the survey's users, so the server only answers and checks nothing.
  private static final MessageTarget OUTSIDER = MessageTarget.chat(42);
  private static final NewMessageBody TEXT = NewMessageBody.text("Q2");

  private FakeBotApi server;
  private OkHttpBotApi api;

  /** Starts the fake server and a client for it without a rate limit. */
  @Setup(Level.Trial)
  public void setUp() {
    server = FakeBotApi.start(1, 0);
    api = OkHttpBotApi.builder("bench-token").baseUrl(server.url())
        .requestsPerSecond(SurveyBot.REQUESTS_PER_SECOND).build();
  }

  /** Stops the fake server. */
  @TearDown(Level.Trial)
  public void tearDown() {
    server.close();
  }

  /** Sends one message and reads the answer. */
  @Benchmark
  public SendMessageResult sendMessage() {
    return api.sendMessage(OUTSIDER, TEXT);
  }
}
