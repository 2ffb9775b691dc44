package io.ttscenes.storage.redis;

import io.ttscenes.api.store.DeadLetter;
import io.ttscenes.api.store.SessionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * The dead letters of one bot: a hash (id -> encoded letter) and a sorted set (id -> when, ms)
 * sharing one hash tag, so the scripts that add (and trim) and take a letter run in one slot of a
 * cluster. A letter is encoded as {@code <at ms>:<kind>:<session length>:<session><error
 * length>:<error><payload>}, the lengths in chars, so any text survives.
 */
final class RedisDeadLetters {
  private static final LuaScript ADD = LuaScript.fromResource("add-dead-letter.lua");
  private static final LuaScript TAKE = LuaScript.fromResource("take-dead-letter.lua");

  private final UnifiedJedis jedis;
  private final List<String> keys;
  private final Guard guard;

  RedisDeadLetters(UnifiedJedis jedis, RedisKeys keys, Guard guard) {
    this.jedis = jedis;
    this.keys = List.of(keys.deadLetters(), keys.deadLetterTimes());
    this.guard = guard;
  }

  /** Keeps {@code letter} unless one with its id is kept; returns whether it was kept. */
  boolean add(DeadLetter letter) {
    List<String> args = List.of(letter.id(), Long.toString(letter.at().toEpochMilli()), encode(letter),
        Long.toString(SessionStore.DEAD_LETTER_AGE.toMillis()), Integer.toString(SessionStore.DEAD_LETTERS_KEPT));
    Object kept = guard.call("keeping dead letter '" + letter.id() + "'", () -> ADD.run(jedis, keys, args));
    return Long.valueOf(1).equals(kept);
  }

  List<DeadLetter> list(int limit) {
    List<String> ids = guard.call("listing dead letters", () -> jedis.zrange(keys.get(1), 0, limit - 1));
    if (ids.isEmpty()) {
      return List.of();
    }
    List<String> values = guard.call("reading dead letters",
        () -> jedis.hmget(keys.get(0), ids.toArray(String[]::new)));
    List<DeadLetter> letters = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      // Null: taken between the two reads.
      if (values.get(i) != null) {
        letters.add(decode(ids.get(i), values.get(i)));
      }
    }
    return letters;
  }

  Optional<DeadLetter> take(String id) {
    Object value = guard.call("taking dead letter '" + id + "'", () -> TAKE.run(jedis, keys, List.of(id)));
    return value instanceof String text ? Optional.of(decode(id, text)) : Optional.empty();
  }

  static String encode(DeadLetter letter) {
    return letter.at().toEpochMilli() + ":" + letter.kind() + ":" + letter.session().length() + ":"
        + letter.session() + letter.error().length() + ":" + letter.error() + letter.payload();
  }

  static DeadLetter decode(String id, String value) {
    try {
      int[] at = {0};
      long millis = Long.parseLong(next(value, at));
      DeadLetter.Kind kind = DeadLetter.Kind.valueOf(next(value, at));
      String session = counted(value, at);
      String error = counted(value, at);
      return new DeadLetter(id, Instant.ofEpochMilli(millis), kind, session, error, value.substring(at[0]));
    } catch (RuntimeException e) {
      throw new IllegalStateException("dead letter '" + id + "' is not in the stored form: " + e.getMessage(), e);
    }
  }

  /** The text up to the next ':' from {@code at[0]}, moving past the ':'. */
  private static String next(String value, int[] at) {
    int colon = value.indexOf(':', at[0]);
    if (colon < 0) {
      throw new IllegalArgumentException("a ':' is missing after offset " + at[0]);
    }
    String part = value.substring(at[0], colon);
    at[0] = colon + 1;
    return part;
  }

  /** A length, ':' and that many chars from {@code at[0]}, moving past them. */
  private static String counted(String value, int[] at) {
    int length = Integer.parseInt(next(value, at));
    String part = value.substring(at[0], at[0] + length);
    at[0] += length;
    return part;
  }
}
