package io.ttscenes.storage.redis;

import io.ttscenes.api.store.StoredSession;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a failover cost, read back from the store once the writers stopped: commits acknowledged
 * but missing (lost), commits applied twice or out of turn, and those whose outcome was unknown
 * until the session was read back.
 */
record FailoverTally(long acknowledged, long lost, long appliedTwice, long resolved, long errors) {

  static FailoverTally of(RedisSessionStore store, List<SessionWriter> writers) {
    long acknowledged = 0;
    long lost = 0;
    long twice = 0;
    long resolved = 0;
    long errors = 0;
    for (SessionWriter writer : writers) {
      acknowledged += writer.acknowledged();
      resolved += writer.resolved();
      errors += writer.errors();
      twice += writer.anomalies();
      lost += writer.lost();
      for (Map.Entry<String, Long> session : writer.acked().entrySet()) {
        Optional<StoredSession> stored = store.loadLatest(session.getKey());
        long version = stored.map(StoredSession::version).orElse(0L);
        lost += Math.max(0, session.getValue() - version);
        twice += Math.max(0, version - session.getValue());
        twice += stored.map(FailoverTally::repeatedIds).orElse(0);
      }
    }
    return new FailoverTally(acknowledged, lost, twice, resolved, errors);
  }

  private static int repeatedIds(StoredSession session) {
    return session.recentUpdateIds().size() - new HashSet<>(session.recentUpdateIds()).size();
  }
}
