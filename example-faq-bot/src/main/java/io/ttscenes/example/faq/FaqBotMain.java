package io.ttscenes.example.faq;

import io.ttscenes.api.Bot;
import io.ttscenes.example.faq.desk.SupportDesk;
import io.ttscenes.runtime.BotLauncher;
import io.ttscenes.testkit.EmulatorApiProvider;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Runs the FAQ bot with settings from the environment ({@code RuntimeConfig}): with
 * {@code TAMTAM_TOKEN} against {@code TAMTAM_API_URL} (default: TamTam), sessions in Redis when
 * {@code REDIS_URL} is set, tickets posted to the group chat {@code SUPPORT_CHAT_ID}; without a
 * token in dev mode, against the local emulator on {@code EMULATOR_PORT} (default 8080) with an
 * operators' group already there ({@link DeskDemo}) and its web chat open to both sides.
 * Ctrl-C closes it gracefully.
 */
public final class FaqBotMain {
  private FaqBotMain() {}

  /** Starts the bot and blocks until the process is asked to stop; exits 2 on bad settings. */
  public static void main(String[] args) throws InterruptedException {
    Map<String, String> env = System.getenv();
    boolean dev = BotLauncher.devMode(env);
    OptionalLong chat;
    try {
      chat = supportChat(env, dev);
    } catch (IllegalArgumentException e) {
      System.err.println("Cannot start the FAQ bot: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (chat.isEmpty()) {
      System.err.println("SUPPORT_CHAT_ID is not set: /support will say there is no support team.");
    }
    Bot bot = chat.isPresent() ? FaqBot.create(FaqCatalog.shop(), SupportDesk.of(chat.getAsLong()))
        : FaqBot.create();
    BotLauncher.run(bot, launched -> launched.localApi().flatMap(EmulatorApiProvider::emulator)
        .ifPresent(emulator -> DeskDemo.prepare(emulator, chat.orElseThrow()).show()));
  }

  /**
   * The operators' chat: {@code SUPPORT_CHAT_ID} when set (a whole number, not 0), else in dev mode
   * the demo's group, else none. Throws IllegalArgumentException naming a bad value.
   */
  static OptionalLong supportChat(Map<String, String> env, boolean dev) {
    String text = env.getOrDefault("SUPPORT_CHAT_ID", "").strip();
    if (text.isEmpty()) {
      return dev ? OptionalLong.of(DeskDemo.OPERATORS_CHAT) : OptionalLong.empty();
    }
    try {
      long id = Long.parseLong(text);
      if (id != 0) {
        return OptionalLong.of(id);
      }
    } catch (NumberFormatException e) {
      // Reported below with the same words as 0.
    }
    throw new IllegalArgumentException("SUPPORT_CHAT_ID is '" + text + "'; it must be the id of the "
        + "operators' group chat, a whole number such as -70000000000001");
  }
}
