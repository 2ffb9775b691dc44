package io.ttscenes.runtime.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import io.ttscenes.runtime.engine.FlowEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The funnels of a bot, live from its meters: per campaign, the deep-link starts and how many of
 * those users reached each place of the flow, in the order the bot declares its scenes and steps.
 */
final class Funnels {
  private Funnels() {}

  /** One place of a funnel and the users who reached it. */
  record Stage(String place, long users) {}

  /** A campaign's starts and stages; stages in flow order. */
  record Funnel(String campaign, long started, List<Stage> stages) {
    Funnel {
      stages = List.copyOf(stages);
    }
  }

  static List<Funnel> of(Bot bot, MeterRegistry registry) {
    Map<String, Long> started = new TreeMap<>();
    for (Counter counter : registry.find("ttscenes.deeplink.starts").counters()) {
      started.merge(counter.getId().getTag("campaign"), Math.round(counter.count()), Long::sum);
    }
    Map<String, Map<String, Long>> reached = new TreeMap<>();
    for (Counter counter : registry.find("ttscenes.funnel.reached").counters()) {
      String place = FlowEvent.place(counter.getId().getTag("scene"), counter.getId().getTag("step"));
      reached.computeIfAbsent(counter.getId().getTag("campaign"), c -> new TreeMap<>())
          .merge(place, Math.round(counter.count()), Long::sum);
    }
    List<String> order = flowOrder(bot);
    Comparator<String> byFlow = Comparator.comparingInt((String place) -> order.contains(place)
        ? order.indexOf(place) : order.size()).thenComparing(Comparator.naturalOrder());
    List<Funnel> funnels = new ArrayList<>();
    started.forEach((campaign, starts) -> {
      List<Stage> stages = reached.getOrDefault(campaign, Map.of()).entrySet().stream()
          .sorted(Map.Entry.comparingByKey(byFlow)).map(e -> new Stage(e.getKey(), e.getValue())).toList();
      funnels.add(new Funnel(campaign, starts, stages));
    });
    return funnels;
  }

  /**
   * Every place of the bot in declaration order: a scene without steps, else each of its steps;
   * then the bot's milestones.
   */
  private static List<String> flowOrder(Bot bot) {
    List<String> order = new ArrayList<>();
    for (Scene<?> scene : bot.scenes()) {
      if (scene.steps().isEmpty()) {
        order.add(scene.id());
      }
      scene.steps().forEach(step -> order.add(scene.id() + "/" + step.name()));
    }
    order.addAll(bot.milestones());
    return order;
  }
}
