package io.ttscenes.benchmarks;

import io.ttscenes.api.Bot;
import io.ttscenes.api.internal.BotRouting;
import io.ttscenes.api.model.Update;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The router's cost per update on the survey: picking the handler for each of the four updates in
 * the scene and step it arrives in ({@link Bot#select}) and computing its session key, with no
 * store and no handler run. One operation is one update.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RoutingBenchmark {
  private static final List<Optional<String>> SCENES = List.of(
      Optional.empty(), Optional.of(SurveyFlow.SCENE), Optional.of(SurveyFlow.SCENE), Optional.empty());
  private static final List<Optional<String>> STEPS = List.of(
      Optional.empty(), Optional.of("q1"), Optional.of("q2"), Optional.empty());

  private Bot bot;
  private List<Update> updates;

  /** Builds the survey bot and one user's updates. */
  @Setup
  public void setUp() {
    bot = SurveyFlow.bot("bench");
    updates = SurveyTraffic.survey(7, 1);
  }

  /** Routes the four survey updates, each in the scene and step it arrives in. */
  @Benchmark
  @OperationsPerInvocation(4)
  public void select(Blackhole sink) {
    for (int i = 0; i < 4; i++) {
      Update update = updates.get(i);
      sink.consume(bot.sessionKeys().keyOf(update));
      sink.consume(BotRouting.select(bot, update, bot.username(), SCENES.get(i), STEPS.get(i)));
    }
  }
}
