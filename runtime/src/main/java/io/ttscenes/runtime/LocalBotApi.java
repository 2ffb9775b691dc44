package io.ttscenes.runtime;

/**
 * An in-process stand-in for the Bot API that {@link BotLauncher} runs a bot against when no
 * {@code TAMTAM_TOKEN} is set: the testkit emulator and its web chat. Closing it stops it.
 */
public interface LocalBotApi extends AutoCloseable {

  /** The Bot API address the bot is pointed at, e.g. {@code http://127.0.0.1:8080}. */
  String baseUrl();

  /** The access token this API accepts. */
  String token();

  /** Where a person talks to the bot in a browser. */
  String webChatUrl();

  /**
   * Tells the local API where the bot's admin endpoint is ({@code http://host:port}), so its web
   * chat can link the bot's scene graph and funnels; by default it is not shown.
   */
  default void showAdmin(String adminUrl) {}

  /** Stops serving. */
  @Override
  void close();
}
