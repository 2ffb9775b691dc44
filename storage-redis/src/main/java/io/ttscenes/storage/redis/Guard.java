package io.ttscenes.storage.redis;

import io.ttscenes.api.store.StoreRejectedException;
import io.ttscenes.api.store.StoreUnavailableException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Turns Jedis failures into store exceptions that say what failed and where, telling apart what
 * waiting can fix ({@link StoreUnavailableException}: connection loss, a server loading or
 * failing over) from what it cannot ({@link StoreRejectedException}: OOM, WRONGTYPE, CROSSSLOT,
 * script errors, NOSCRIPT after a reload). READONLY (a node demoted by a failover) also drops the
 * pooled connections, so the next try reconnects to whatever the address names now.
 */
final class Guard {
  /** Error codes of a server that answers but cannot serve this yet; waiting helps. */
  private static final Set<String> TRANSIENT = Set.of("READONLY", "LOADING", "BUSY", "MASTERDOWN",
      "CLUSTERDOWN", "TRYAGAIN", "NOREPLICAS", "NOAUTH", "WRONGPASS");

  private final String where;
  private final Runnable reconnect;

  Guard(String where, Runnable reconnect) {
    this.where = where;
    this.reconnect = reconnect;
  }

  <T> T call(String what, Supplier<T> action) {
    try {
      return action.get();
    } catch (JedisException e) {
      throw translate(what, e);
    }
  }

  private RuntimeException translate(String what, JedisException e) {
    String message = "redis at " + where + ": " + what + " failed: " + e.getMessage();
    if (!(e instanceof JedisDataException)) {
      // Connection loss, pool exhaustion, cluster redirections used up: the pool reconnects.
      return new StoreUnavailableException(message, e);
    }
    String code = errorCode(e);
    if (code.equals("READONLY")) {
      reconnect.run();
    }
    return TRANSIENT.contains(code) ? new StoreUnavailableException(message, e)
        : new StoreRejectedException(message + " (not retried: waiting cannot fix a " + code + " error)", e);
  }

  /** The first word of a Redis error ("OOM", "WRONGTYPE", "ERR"...). */
  static String errorCode(JedisException e) {
    String text = e.getMessage() == null ? "" : e.getMessage().trim();
    int space = text.indexOf(' ');
    return (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
  }
}
