package io.ttscenes.runtime.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ttscenes.api.Bot;
import io.ttscenes.api.Route;
import io.ttscenes.api.Scene;
import io.ttscenes.api.WizardStep;
import io.ttscenes.runtime.engine.FlowEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The scene graph of a {@link Bot} as Mermaid flowchart text: the root and global handlers with
 * their routes, every scene (a wizard as a box of its steps, joined in order), the transitions
 * the code declares ({@code transitionsTo}) as solid arrows, and, when given the bot's meters,
 * the moves and deep-link starts seen at run time as dotted arrows labelled with their counts.
 * Node ids are positional ({@code s0}, {@code s0_1}, {@code c0}), so the text is stable for review.
 */
public final class SceneGraph {
  private final Bot bot;
  private final Optional<MeterRegistry> meters;
  private final Map<String, String> places = new LinkedHashMap<>();
  private final List<String> lines = new ArrayList<>();

  private SceneGraph(Bot bot, Optional<MeterRegistry> meters) {
    this.bot = Objects.requireNonNull(bot, "bot");
    this.meters = meters;
  }

  /** The graph of what {@code bot}'s code declares. */
  public static String mermaid(Bot bot) {
    return new SceneGraph(bot, Optional.empty()).render();
  }

  /** The graph of {@code bot} plus the moves and deep-link starts its meters in {@code registry} saw. */
  public static String mermaid(Bot bot, MeterRegistry registry) {
    return new SceneGraph(bot, Optional.of(registry)).render();
  }

  private String render() {
    lines.add("flowchart LR");
    places.put(FlowEvent.ROOT, "root");
    lines.add("  root([\"" + label("root", bot.rootRoutes(), bot.rootFallback().isPresent()) + "\"])");
    if (!bot.globalRoutes().isEmpty() || bot.globalFallback().isPresent()) {
      lines.add("  global[[\"" + label("global handlers", bot.globalRoutes(), bot.globalFallback().isPresent())
          + "\"]]");
      lines.add("  global -.- root");
    }
    List<Scene<?>> scenes = bot.scenes();
    for (int i = 0; i < scenes.size(); i++) {
      scene("s" + i, scenes.get(i));
    }
    bot.transitions().forEach(target -> lines.add("  root --> " + places.get(target)));
    for (Scene<?> scene : scenes) {
      scene.transitions().forEach(target -> lines.add("  " + places.get(scene.id()) + " --> " + places.get(target)));
    }
    meters.ifPresent(this::seen);
    campaigns();
    return String.join("\n", lines) + "\n";
  }

  private void scene(String id, Scene<?> scene) {
    places.put(scene.id(), id);
    String title = "scene " + scene.id() + scene.timeout().map(t -> " (timeout " + t + ")").orElse("");
    List<? extends WizardStep<?>> steps = scene.steps();
    if (steps.isEmpty()) {
      lines.add("  " + id + "[\"" + label(title, scene.routes(), scene.fallback().isPresent()) + "\"]");
      return;
    }
    lines.add("  subgraph " + id + "[\"" + escape(title) + "\"]");
    for (int j = 0; j < steps.size(); j++) {
      String stepId = id + "_" + j;
      places.put(scene.id() + "/" + steps.get(j).name(), stepId);
      WizardStep<?> step = steps.get(j);
      lines.add("    " + stepId + "[\"" + label(step.name(), step.routes(), step.fallbackHandler().isPresent()) + "\"]");
    }
    if (!scene.routes().isEmpty() || scene.fallback().isPresent()) {
      lines.add("    " + id + "_any[\"" + label("in any step", scene.routes(), scene.fallback().isPresent()) + "\"]");
    }
    lines.add("  end");
    for (int j = 0; j + 1 < steps.size(); j++) {
      lines.add("  " + id + "_" + j + " -->|next| " + id + "_" + (j + 1));
    }
    lines.add("  " + id + "_" + (steps.size() - 1) + " -->|done| root");
  }

  /** Dotted arrows for the moves the meters counted between places the bot still has. */
  private void seen(MeterRegistry registry) {
    Map<String, Double> moves = new TreeMap<>();
    registry.find("ttscenes.scene.moves").counters().forEach(counter -> {
      String from = places.get(counter.getId().getTag("from"));
      String to = places.get(counter.getId().getTag("to"));
      if (from != null && to != null) {
        moves.merge(from + " -.->|\"seen " + "%s" + "\"| " + to, counter.count(), Double::sum);
      }
    });
    moves.forEach((edge, count) -> lines.add("  " + edge.formatted(Math.round(count))));
  }

  /** Deep-link campaigns: declared ones always, {@code other} once seen; arrows where starts led. */
  private void campaigns() {
    Map<String, Map<String, Double>> led = meters.map(SceneGraph::starts).orElse(Map.of());
    List<String> names = new ArrayList<>(bot.campaigns().stream().sorted().toList());
    led.keySet().stream().filter(name -> !names.contains(name)).sorted().forEach(names::add);
    for (int k = 0; k < names.size(); k++) {
      String id = "c" + k;
      lines.add("  " + id + "{{\"deep link " + escape(names.get(k)) + "\"}}");
      led.getOrDefault(names.get(k), Map.of()).forEach((place, count) -> Optional.ofNullable(places.get(place))
          .ifPresent(to -> lines.add("  " + id + " -.->|\"" + Math.round(count) + " starts\"| " + to)));
    }
  }

  private static Map<String, Map<String, Double>> starts(MeterRegistry registry) {
    Map<String, Map<String, Double>> led = new TreeMap<>();
    for (Counter counter : registry.find("ttscenes.deeplink.starts").counters()) {
      String place = FlowEvent.place(counter.getId().getTag("scene"), counter.getId().getTag("step"));
      led.computeIfAbsent(counter.getId().getTag("campaign"), c -> new TreeMap<>())
          .merge(place, counter.count(), Double::sum);
    }
    return led;
  }

  private static String label(String title, List<? extends Route<?>> routes, boolean fallback) {
    List<String> names = new ArrayList<>(routes.stream().map(route -> escape(route.toString())).toList());
    if (fallback) {
      names.add("fallback");
    }
    String listed = String.join("<br/>", names);
    return "<b>" + escape(title) + "</b>" + (listed.isEmpty() ? "" : "<br/>" + listed);
  }

  /** Mermaid's entity codes for what would end a quoted label or be read as HTML. */
  static String escape(String text) {
    return text.replace("#", "#35;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;")
        .replace("\n", " ");
  }
}
