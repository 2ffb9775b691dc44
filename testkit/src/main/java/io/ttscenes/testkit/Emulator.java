package io.ttscenes.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local TamTam Bot API on loopback, with a web chat at {@link #webChatUrl()}. Point a bot at
 * {@link #baseUrl()} with {@link #token()}, create users with {@link #user(String)} and make them
 * talk; {@link #faults()} injects 429/503, refusals for good (4xx) and delays. Thread-safe; {@link #close()} stops it.
 */
public final class Emulator implements AutoCloseable {
  /** The token the emulator accepts unless another one is configured. */
  public static final String DEFAULT_TOKEN = "emulator-token";

  private final HttpServer server;
  private final ExecutorService pool;
  private final World world;
  private final Faults faults = new Faults();
  private final String token;
  private final String baseUrl;
  private final Map<Long, EmulatedUser> users = new ConcurrentHashMap<>();
  private final Map<Long, EmulatedUser> usersById = new ConcurrentHashMap<>();
  private volatile String adminUrl;

  private final WebGroupsApi webGroups;

  private Emulator(Builder builder) throws IOException {
    this.token = builder.token;
    this.world = new World(builder.clock, builder.webhookRetry);
    this.server = HttpServer.create(new InetSocketAddress(builder.host, builder.port), 64);
    this.pool = Executors.newCachedThreadPool(r -> {
      Thread thread = new Thread(r, "emulator-http");
      thread.setDaemon(true);
      return thread;
    });
    InetAddress bound = server.getAddress().getAddress();
    // A wildcard bind is reachable on loopback; print an address a browser can open.
    String host = bound.isAnyLocalAddress() ? "127.0.0.1" : bound.getHostAddress();
    this.baseUrl = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
        + server.getAddress().getPort();
    world.baseUrl(baseUrl);
    Routes botApi = new Routes();
    new ChatsApi(world).register(botApi);
    new MessagesApi(world).register(botApi);
    new UpdatesApi(world, baseUrl).register(botApi);
    Routes webApi = new Routes();
    this.webGroups = new WebGroupsApi(this);
    new WebChatApi(this, webGroups).register(webApi);
    server.createContext("/", new Dispatcher(token, faults, botApi, webApi, world.uploads));
    server.setExecutor(pool);
    server.start();
  }

  /** Starts an emulator on loopback at {@code port} (0 picks a free one) with the default token. */
  public static Emulator start(int port) {
    return builder().port(port).start();
  }

  /** A builder for the settings: port, token, host, clock and webhook retry policy. */
  public static Builder builder() {
    return new Builder();
  }

  /** The Bot API base URL, such as {@code http://127.0.0.1:8080}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The access token the Bot API accepts. */
  public String token() {
    return token;
  }

  /** The address of the web chat page. */
  public String webChatUrl() {
    return baseUrl + "/chat/";
  }

  /** Fault injection for the Bot API paths. */
  public Faults faults() {
    return faults;
  }

  /** Creates a new user (locale {@code en}) with a dialog chat with the bot. */
  public EmulatedUser user(String name) {
    return user(name, "en");
  }

  /** Creates a new user with this locale, sent as {@code user_locale} in their updates. */
  public EmulatedUser user(String name, String locale) {
    Objects.requireNonNull(name, "name");
    Dialog dialog = world.createUser(name, locale);
    EmulatedUser user = new EmulatedUser(world, dialog);
    users.put(dialog.chatId, user);
    usersById.put(user.userId(), user);
    return user;
  }

  /**
   * Creates a group chat titled {@code title}, owned by {@code owner} (its admin) with the other
   * {@code members}; the bot is not in it until a member {@linkplain EmulatedChat#addBot adds it}.
   * Throws IllegalArgumentException for a title outside 1..200 chars or a user named twice.
   */
  public EmulatedChat groupChat(String title, EmulatedUser owner, EmulatedUser... members) {
    return createGroup(OptionalLong.empty(), title, false, owner, members);
  }

  /**
   * As {@link #groupChat(String, EmulatedUser, EmulatedUser...)} with the chat id {@code chatId},
   * for a bot configured with the id of a chat that already exists (an operators' chat); the web
   * chat lists it with the groups made there. Throws IllegalArgumentException when the id is not
   * negative (TamTam's group ids are) or is taken.
   */
  public EmulatedChat groupChat(long chatId, String title, EmulatedUser owner, EmulatedUser... members) {
    EmulatedChat chat = createGroup(OptionalLong.of(chatId), title, false, owner, members);
    webGroups.show(chat, owner);
    return chat;
  }

  /**
   * Creates a channel titled {@code title}, owned by {@code owner} (its admin, the only one who
   * posts) with these {@code subscribers}; the bot is not in it until the owner adds it. Throws
   * IllegalArgumentException for a title outside 1..200 chars or a user named twice.
   */
  public EmulatedChat channel(String title, EmulatedUser owner, EmulatedUser... subscribers) {
    return createGroup(OptionalLong.empty(), title, true, owner, subscribers);
  }

  private EmulatedChat createGroup(OptionalLong chatId, String title, boolean channel,
      EmulatedUser owner, EmulatedUser... members) {
    Objects.requireNonNull(title, "title");
    if (title.isEmpty() || Limits.chars(title) > GroupChatsApi.TITLE_MAX) {
      throw new IllegalArgumentException("title is " + Limits.chars(title) + " chars; it must be 1.."
          + GroupChatsApi.TITLE_MAX);
    }
    Set<Long> ids = new HashSet<>(Set.of(owner.userId()));
    for (EmulatedUser member : members) {
      if (!ids.add(member.userId())) {
        throw new IllegalArgumentException(member.name() + " is named twice as a member of " + title);
      }
    }
    long now = world.clock.millis();
    GroupChat.Member admin = new GroupChat.Member(owner.dialog().user, now, true);
    GroupChat group = chatId.isPresent() ? world.createGroup(chatId.getAsLong(), title, admin, channel)
        : world.createGroup(title, admin, channel);
    for (EmulatedUser member : members) {
      group.add(new GroupChat.Member(member.dialog().user, now, false));
    }
    return new EmulatedChat(world, group, usersById);
  }

  /** Every user created so far, oldest first. */
  public List<EmulatedUser> users() {
    return users.values().stream().sorted((a, b) -> Long.compare(a.chatId(), b.chatId())).toList();
  }

  /** The user whose dialog has this chat id. */
  public Optional<EmulatedUser> userByChat(long chatId) {
    return Optional.ofNullable(users.get(chatId));
  }

  /** The bot's BotInfo JSON as {@code GET /me} returns it. */
  public JsonNode botInfo() {
    return world.bot();
  }

  /**
   * Waits until {@code count} {@code GET /updates} calls are parked waiting for updates; lets a
   * test know a long poll is in progress without sleeping. Returns false on timeout.
   */
  public boolean awaitWaitingPolls(int count, Duration timeout) throws InterruptedException {
    return world.updates.awaitWaitingPolls(count, timeout);
  }

  /**
   * Waits until the bot has acknowledged, by passing a later marker to {@code GET /updates}, every
   * update published so far; returns false on timeout. With long polling a bot acknowledges an
   * update only after handling it, so afterwards everything it sent in response is in the dialogs.
   * Updates delivered by webhook are not counted.
   */
  public boolean awaitAcknowledged(Duration timeout) throws InterruptedException {
    return world.updates.awaitAcknowledged(timeout);
  }

  /** How many published updates the bot has not acknowledged yet (long polling). */
  public int unacknowledgedUpdates() {
    return world.updates.unacknowledged();
  }

  /** The attachment token of an upload, finished or not (lets tests try unfinished ones). */
  String uploadToken(String uploadId) {
    return world.uploads.byId(uploadId).orElseThrow().token;
  }

  Conversation conversation(long chatId) {
    return world.chat(chatId).orElseThrow(() -> ApiError.notFound("Chat " + chatId + " not found"));
  }

  /**
   * Links the web chat to the admin endpoint of the bot it runs ({@code http://host:port}), so
   * its sidebar offers the bot's scene graph and funnels. Throws {@link IllegalArgumentException}
   * for anything but an http(s) URL.
   */
  public void linkAdmin(String url) {
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new IllegalArgumentException("admin URL '" + url + "' is not an http(s) URL");
    }
    this.adminUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  JsonNode info() {
    var info = Json.object().put("base_url", baseUrl).put("web_chat", webChatUrl());
    if (adminUrl != null) {
      info.put("admin", adminUrl);
    }
    return info.set("bot", world.bot());
  }

  /** Stops the server, webhook deliveries and parked long polls. */
  @Override
  public void close() {
    world.updates.close();
    server.stop(0);
    pool.shutdownNow();
  }

  /** Settings of an emulator; every one has a default. */
  public static final class Builder {
    private int port;
    private String token = DEFAULT_TOKEN;
    private InetAddress host = InetAddress.getLoopbackAddress();
    private Clock clock = Clock.systemUTC();
    private WebhookRetry webhookRetry = WebhookRetry.TAMTAM;

    private Builder() {}

    /** The port to listen on; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port is " + port + "; it must be 0..65535");
      }
      this.port = port;
      return this;
    }

    /** The access token to accept; default {@value #DEFAULT_TOKEN}. */
    public Builder token(String token) {
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("token must not be blank");
      }
      this.token = token;
      return this;
    }

    /** The address to bind; loopback by default. */
    public Builder host(InetAddress host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The clock for timestamps and webhook give-up; system UTC by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How failed webhook deliveries are retried; {@link WebhookRetry#TAMTAM} by default. */
    public Builder webhookRetry(WebhookRetry retry) {
      this.webhookRetry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /** Binds and starts the emulator; throws UncheckedIOException when the port is taken. */
    public Emulator start() {
      try {
        return new Emulator(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the emulator on port " + port, e);
      }
    }
  }
}
