package io.ttscenes.runtime.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Arrays;
import java.util.Objects;
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
  private final ConcurrentMap<Key, Meter> meters = new ConcurrentHashMap<>();

  MeterCache(MeterRegistry registry, String bot) {
    this.registry = registry;
    this.bot = bot;
    registry.config().onMeterRemoved(removed -> meters.values().remove(removed));
  }

  /** The counter {@code name} tagged {@code bot} and {@code tags} (key, value, ...). */
  Counter counter(String name, String description, String... tags) {
    Key key = new Key(name, tags);
    Meter known = meters.get(key);
    return (Counter) (known != null ? known : meters.computeIfAbsent(key, k ->
        Counter.builder(name).description(description).tags("bot", bot).tags(tags).register(registry)));
  }

  /** The timer {@code name} tagged {@code bot} and {@code tags} (key, value, ...). */
  Timer timer(String name, String description, String... tags) {
    Key key = new Key(name, tags);
    Meter known = meters.get(key);
    return (Timer) (known != null ? known : meters.computeIfAbsent(key, k ->
        Timer.builder(name).description(description).tags("bot", bot).tags(tags).register(registry)));
  }

  /**
   * A meter's name and tags as a map key, without copying them (the caller's varargs array is
   * its own); the hash is worked out once, by hand: looked up several times per update.
   */
  private static final class Key {
    private final String name;
    private final String[] tags;
    private final int hash;

    Key(String name, String[] tags) {
      this.name = name;
      this.tags = tags;
      int h = name.hashCode();
      for (String tag : tags) {
        h = 31 * h + Objects.hashCode(tag);
      }
      this.hash = h;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && hash == key.hash && name.equals(key.name)
          && Arrays.equals(tags, key.tags);
    }
  }
}
