package io.ttscenes.api.internal;

import io.ttscenes.api.Bot;
import io.ttscenes.api.model.Update;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the handler of an update for the runtime, in the order documented on {@link Bot}. The
 * routing itself lives with the bot's package-private route sets, which register it here when
 * {@code Bot} is loaded; authors never call it. Thread-safe.
 */
public final class BotRouting {
  /** What the API package provides. */
  public interface Router {
    /** Returns the handler {@code bot} selects for {@code update} in scene and step. */
    Optional<Selection> select(Bot bot, Update update, Optional<String> username, Optional<String> sceneId,
        Optional<String> step);
  }

  private static volatile Router router;

  private BotRouting() {}

  /** Called once by {@code Bot}'s class initialiser. */
  public static void register(Router implementation) {
    router = Objects.requireNonNull(implementation, "implementation");
  }

  /**
   * Finds the handler for {@code update} when the session is in {@code sceneId} (empty: the root)
   * at wizard step {@code step}; {@code username} is the bot's username when known (commands to
   * other bots pass by).
   */
  public static Optional<Selection> select(Bot bot, Update update, Optional<String> username,
      Optional<String> sceneId, Optional<String> step) {
    // Loading Bot (it is loaded: bot is one) ran its initialiser, which registered the router.
    return router.select(bot, update, username, sceneId, step);
  }
}
