package io.ttscenes.runtime.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The listener's meters by name and tag values, each registered once: building a meter and the
 * registry's lookup (tag sorting, filters, a map keyed by the full id) cost more than the count
 * itself and ran 2-6 times per update. The listener's tag values are bounded, and so is this
 * cache; a meter removed from the registry is dropped here too, so the next event registers it anew.
 */
final class MeterCache {
  private final MeterRegistry registry;
  private final String bot;
  private final ConcurrentMap<List<String>, Meter> meters = new ConcurrentHashMap<>();

  MeterCache(MeterRegistry registry, String bot) {
    this.registry = registry;
    this.bot = bot;
    registry.config().onMeterRemoved(removed -> meters.values().remove(removed));
  }

  /** The counter {@code name} tagged {@code bot} and {@code tags} (key, value, ...). */
  Counter counter(String name, String description, String... tags) {
    return (Counter) meters.computeIfAbsent(key(name, tags), k ->
        Counter.builder(name).description(description).tags("bot", bot).tags(tags).register(registry));
  }

  /** The timer {@code name} tagged {@code bot} and {@code tags} (key, value, ...). */
  Timer timer(String name, String description, String... tags) {
    return (Timer) meters.computeIfAbsent(key(name, tags), k ->
        Timer.builder(name).description(description).tags("bot", bot).tags(tags).register(registry));
  }

  private static List<String> key(String name, String... tags) {
    String[] key = Arrays.copyOf(tags, tags.length + 1);
    key[tags.length] = name;
    return Arrays.asList(key);
  }
}
