package io.ttscenes.testkit.admin;

import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import io.ttscenes.runtime.BotRuntime;
import io.ttscenes.runtime.RuntimeConfig;
import io.ttscenes.runtime.admin.AdminSettings;
import io.ttscenes.testkit.Emulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A sign-up bot running for real against the emulator, long polling, with its admin endpoint on
 * a free loopback port; and a plain HTTP client for that endpoint.
 */
final class AdminBot implements AutoCloseable {
  final Emulator emulator;
  final BotRuntime runtime;
  final String admin;
  private final HttpClient http = HttpClient.newHttpClient();

  private AdminBot(Emulator emulator, BotRuntime runtime) {
    this.emulator = emulator;
    this.runtime = runtime;
    this.admin = runtime.adminUrl().orElseThrow();
  }

  static AdminBot start() {
    Emulator emulator = Emulator.start(0);
    RuntimeConfig config = RuntimeConfig.from(Map.of("TAMTAM_API_URL", emulator.baseUrl(),
        "TTSCENES_BOT_NAME", "signup-bot", "TTSCENES_POLL_TIMEOUT_SECONDS", "1"));
    BotRuntime runtime = BotRuntime.builder(signup(), config).admin(AdminSettings.on("127.0.0.1", 0)).build();
    runtime.start();
    return new AdminBot(emulator, runtime);
  }

  /** A wizard entered from any start: name, email, confirm; and a stepless help scene. */
  static Bot signup() {
    return Bot.builder("signup-bot").campaigns("promo", "partner")
        .scene(Scene.builder("signup")
            .step("name", step -> step.prompt(ctx -> ctx.reply("Your name?")).onText(ctx -> ctx.next()))
            .step("email", step -> step.prompt(ctx -> ctx.reply("Your email?")).onText(ctx -> ctx.next()))
            .step("confirm", step -> step.prompt(ctx -> ctx.reply("Confirm?")).onText(ctx -> ctx.reply("Thanks").next()))
            .transitionsTo("help")
            .build())
        .scene(Scene.builder("help").onText(ctx -> ctx.reply("Back to the start").leave()).build())
        .transitionsTo("signup", "help")
        .global(g -> g.onBotStarted(ctx -> ctx.enter("signup")).onCommand("help", ctx -> ctx.enter("help")))
        .build();
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(admin + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(admin + path)).POST(HttpRequest.BodyPublishers.noBody())
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    runtime.close();
    emulator.close();
  }
}
