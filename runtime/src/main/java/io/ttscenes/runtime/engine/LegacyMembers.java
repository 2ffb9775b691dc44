package io.ttscenes.runtime.engine;

import io.ttscenes.api.Scene;
import io.ttscenes.api.store.ChatKeys;
import io.ttscenes.api.store.Commit;
import io.ttscenes.api.store.CommitResult;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.api.store.StoredSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a group member's session kept under the user-in-chat key ({@code u:<user>:c:<chat>}, as
 * before the bot declared chat data) to its chat-scoped key ({@code c:<chat>/u:<user>}) the first
 * time the member's new key is read and absent, so a deploy that adds chat data loses no session.
 * The copy is committed first (to a key nobody else writes yet), then the old session is retired:
 * left at the root without jobs, so its timer goes, for a minute; it is marked so it is never
 * copied again. A crash between the two leaves the old session's jobs to fire once more.
 */
final class LegacyMembers {
  private static final Logger LOG = LoggerFactory.getLogger(LegacyMembers.class);
  /** The update id that marks a retired session, so it is never copied again. */
  static final String MOVED = "ttscenes.moved";
  private static final Duration RETIRED_TTL = Duration.ofMinutes(1);
  private static final int RETIRE_ATTEMPTS = 3;

  private final EngineSettings settings;
  private final SessionStore store;
  private final SessionCodec codec;
  private final boolean chatScoped;

  LegacyMembers(EngineSettings settings) {
    this.settings = settings;
    this.store = settings.store();
    this.codec = new SessionCodec(settings.bot(), settings.mapper());
    this.chatScoped = settings.bot().chatDataType().isPresent();
  }

  /**
   * Whether {@code key} may have an old user-in-chat session to adopt when it is absent: the
   * engine then reads it rather than guess it is new, since a guess would skip the adoption.
   */
  boolean mayAdopt(String key) {
    return chatScoped && ChatKeys.unscoped(key).isPresent();
  }

  /**
   * Copies the old session of chat-scoped {@code key}, which was found absent, to it; returns the
   * old session when it did (the caller then reads {@code key} again, and still knows the updates
   * the old session committed: the copy's own recent ids hold only the move).
   */
  Optional<StoredSession> adopt(String key) {
    Optional<String> old = mayAdopt(key) ? ChatKeys.unscoped(key) : Optional.empty();
    if (old.isEmpty()) {
      return Optional.empty();
    }
    Optional<StoredSession> legacy = store.loadLatest(old.get()).filter(s -> !s.hasSeen(MOVED));
    if (legacy.isEmpty()) {
      return Optional.empty();
    }
    Session session = codec.decode(old.get(), legacy.get().data());
    Instant now = settings.clock().instant();
    Duration idle = session.scene().flatMap(Scene::sessionTtl).orElse(settings.bot().sessionTtl());
    CommitResult copied = store.commit(new Commit(key, 0, legacy.get().data(), Optional.empty(),
        "ttscenes.moved-from:" + old.get(), session.jobs.ttl(idle, now), Set.of(), session.jobs.wake()));
    if (copied instanceof CommitResult.Committed) {
      LOG.info("session {}: moved from {} (the bot keeps its chat data beside its members' sessions)", key, old.get());
    }
    retire(old.get(), legacy.get());
    return legacy;
  }

  private void retire(String old, StoredSession legacy) {
    StoredSession current = legacy;
    for (int attempt = 1; attempt <= RETIRE_ATTEMPTS; attempt++) {
      CommitResult result = store.commit(new Commit(old, current.version(), codec.encode(codec.fresh()),
          Optional.empty(), MOVED, RETIRED_TTL, Set.of(), Optional.empty()));
      Optional<StoredSession> again = result instanceof CommitResult.Conflict ? store.loadLatest(old) : Optional.empty();
      if (again.isEmpty() || again.get().hasSeen(MOVED)) {
        return;
      }
      current = again.get();
    }
    LOG.warn("session {}: could not retire it after moving it ({} conflicts); its jobs may fire once more",
        old, RETIRE_ATTEMPTS);
  }
}
