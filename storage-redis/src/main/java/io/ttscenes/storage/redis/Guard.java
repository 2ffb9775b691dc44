package io.ttscenes.storage.redis;

import io.ttscenes.api.store.StoreUnavailableException;
import java.util.function.Supplier;
import redis.clients.jedis.exceptions.JedisException;

/** Turns Jedis failures into {@link StoreUnavailableException}s that say what failed and where. */
final class Guard {
  private final String where;

  Guard(String where) {
    this.where = where;
  }

  <T> T call(String what, Supplier<T> action) {
    try {
      return action.get();
    } catch (JedisException e) {
      throw new StoreUnavailableException(
          "redis at " + where + ": " + what + " failed: " + e.getMessage(), e);
    }
  }
}
