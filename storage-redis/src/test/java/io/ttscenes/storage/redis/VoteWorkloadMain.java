package io.ttscenes.storage.redis;

import io.ttscenes.runtime.BotRuntime;
import io.ttscenes.runtime.RuntimeConfig;
import io.ttscenes.runtime.client.OkHttpBotApi;

/**
 * The process {@link WorkloadKillTest} runs and kills with SIGKILL: {@link VoteWorkload} on Redis
 * with long polling, configured from the environment like any deployed bot, with a client whose
 * rate limit does not pace the emulator's hundreds of users.
 */
public final class VoteWorkloadMain {
  private VoteWorkloadMain() {}

  /** Runs until killed; the store name is {@code TTSCENES_BOT_NAME}'s. */
  public static void main(String[] args) throws InterruptedException {
    RuntimeConfig config = RuntimeConfig.fromEnvironment();
    OkHttpBotApi api = OkHttpBotApi.builder(config.token()).baseUrl(config.apiUrl().toString())
        .requestsPerSecond(100_000).build();
    BotRuntime.builder(VoteWorkload.bot(System.getenv("TTSCENES_BOT_NAME")), config).api(api).build()
        .runUntilShutdown();
  }
}
