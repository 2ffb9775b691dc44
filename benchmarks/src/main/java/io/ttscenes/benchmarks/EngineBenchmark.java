package io.ttscenes.benchmarks;

import io.ttscenes.api.model.Update;
import io.ttscenes.runtime.engine.Dispatcher;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's cost per update on the survey: one operation is one user's four updates (start,
 * button, text, {@code /status}) submitted to a {@link Dispatcher} over the in-memory store and a
 * no-op Bot API, each awaited. {@code lanes=direct} runs the lanes on the calling thread (the pure
 * cost of routing, handlers, session JSON and commit); {@code lanes=pool} adds the hand-off to a
 * lane thread that a real bot pays. Users rotate over a fixed set, so sessions are reused as in a
 * long-running bot.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {
  private static final int USERS = 4096;

  @Param({"direct", "pool"})
  public String lanes;

  private Dispatcher dispatcher;
  private InMemorySessionStore store;
  private long round;

  /** Builds the survey bot's dispatcher over a fresh in-memory store. */
  @Setup(Level.Trial)
  public void setUp() {
    store = InMemorySessionStore.create();
    Dispatcher.Builder builder = Dispatcher.builder(SurveyFlow.bot("bench"), store, new NoOpBotApi());
    if (lanes.equals("direct")) {
      builder.executor(new DirectExecutorService());
    } else {
      builder.parallelism(1);
    }
    dispatcher = builder.build();
  }

  /** Drains and stops the dispatcher. */
  @TearDown(Level.Trial)
  public void tearDown() {
    dispatcher.close();
    store.close();
  }

  /** Runs one user's whole survey: four updates, each awaited before the next. */
  @Benchmark
  @OperationsPerInvocation(4)
  public void survey() {
    long r = ++round;
    List<Update> updates = SurveyTraffic.survey((int) (r % USERS), r);
    for (Update update : updates) {
      dispatcher.submit(update).join();
    }
  }
}
