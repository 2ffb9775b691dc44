package io.ttscenes.testkit.kit;

import io.ttscenes.api.Bot;
import io.micrometer.core.instrument.MeterRegistry;
import io.ttscenes.api.SessionRef;
import io.ttscenes.api.store.SessionStore;
import io.ttscenes.runtime.client.OkHttpBotApi;
import io.ttscenes.runtime.store.InMemorySessionStore;
import io.ttscenes.testkit.EmulatedChat;
import io.ttscenes.testkit.EmulatedUser;
import io.ttscenes.testkit.Emulator;
import io.ttscenes.testkit.Faults;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a bot in a test: a local emulator on a free port, the real runtime long polling it (an
 * in-memory store unless one is given) and a {@link TestClock} for scene timeouts. Register it
 * with {@code @RegisterExtension static final BotTester bot = BotTester.of(myBot);} (one bot per
 * class; a non-static field gets one per test) or use {@link #start()} in try-with-resources.
 *
 * <p>Script users with {@link #user(String)}. Every expectation first waits, event-driven, until
 * the bot {@linkplain #awaitIdle() is idle}: it has acknowledged every update sent so far, which
 * it does only after handling it and sending its replies. Thread-safe, though a conversation is
 * naturally scripted from one thread.
 */
public final class BotTester implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    AfterEachCallback, AutoCloseable {
  // Replaced by deploy(); volatile, as session lookups read it outside this tester's lock.
  private volatile Bot bot;
  private final SessionStore store;
  private final boolean ownsStore;
  private final Duration timeout;
  private final TestClock clock;
  private final Map<String, TestUser> users = new ConcurrentHashMap<>();
  private volatile SessionLookup sessions;
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private Emulator emulator;
  private OkHttpBotApi api;
  private Timers timers;
  private RunningBot running;
  private boolean perClass;
  private boolean closed;

  private BotTester(Builder builder) {
    this.bot = builder.bot;
    this.store = builder.store == null ? InMemorySessionStore.create() : builder.store;
    this.ownsStore = builder.store == null;
    this.timeout = builder.timeout;
    this.clock = TestClock.at(builder.start);
    this.sessions = new SessionLookup(bot, store, clock);
  }

  /** A tester for {@code bot} with the defaults: in-memory store, 5 s safety timeout. */
  public static BotTester of(Bot bot) {
    return builder(bot).build();
  }

  /** Starts configuring a tester for {@code bot}. */
  public static Builder builder(Bot bot) {
    return new Builder(bot);
  }

  /**
   * Starts the emulator and the bot and returns this tester; the JUnit extension callbacks call
   * it for you. Throws IllegalStateException when already running.
   */
  public synchronized BotTester start() {
    if (emulator != null || closed) {
      throw new IllegalStateException("bot tester for '" + bot.name() + "' is already "
          + (closed ? "closed; build a new one" : "running"));
    }
    emulator = Emulator.builder().clock(clock).start();
    api = OkHttpBotApi.builder(emulator.token()).baseUrl(emulator.baseUrl()).sleeper(sleeper)
        .requestsPerSecond(1_000_000).build();
    timers = new Timers(store, clock);
    running = RunningBot.start(bot, emulator, store, api, clock);
    return this;
  }

  /**
   * A user called {@code name} (locale {@code en}) in a dialog with the bot; the same name gives
   * the same user until the end of the test. Users of different tests never share a session.
   */
  public TestUser user(String name) {
    return user(name, "en");
  }

  /** Like {@link #user(String)} with the locale the user's updates carry. */
  public TestUser user(String name, String locale) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(locale, "locale");
    return users.computeIfAbsent(name, n -> new TestUser(this, requireEmulator().user(n, locale)));
  }

  /**
   * A group chat titled {@code title}, owned by {@code owner} (its admin) with the other
   * {@code members}, to which the owner adds the bot as an administrator: the bot gets
   * {@code bot_added}. Waits until the bot is idle first, as every action does.
   */
  public TestChat groupChat(String title, TestUser owner, TestUser... members) {
    Objects.requireNonNull(title, "title");
    awaitIdle();
    return withBot(requireEmulator().groupChat(title, owner.emulated(), emulated(members)), owner);
  }

  /**
   * As {@link #groupChat(String, TestUser, TestUser...)} with the chat id {@code chatId}: for a bot
   * built with the id of a chat it serves (e.g. its operators' chat). Throws
   * IllegalArgumentException when the id is not negative or is taken in this kit's emulator.
   */
  public TestChat groupChat(long chatId, String title, TestUser owner, TestUser... members) {
    Objects.requireNonNull(title, "title");
    awaitIdle();
    return withBot(requireEmulator().groupChat(chatId, title, owner.emulated(), emulated(members)), owner);
  }

  /**
   * A channel titled {@code title}, owned by {@code owner} (its admin, the only one who posts:
   * posts have no sender) with these {@code subscribers}, to which the owner adds the bot as an
   * administrator: the bot gets {@code bot_added} with {@code is_channel}. Waits until idle first.
   */
  public TestChat channel(String title, TestUser owner, TestUser... subscribers) {
    Objects.requireNonNull(title, "title");
    awaitIdle();
    return withBot(requireEmulator().channel(title, owner.emulated(), emulated(subscribers)), owner);
  }

  private TestChat withBot(EmulatedChat chat, TestUser owner) {
    chat.addBot(owner.emulated());
    return new TestChat(this, chat, owner);
  }

  private static EmulatedUser[] emulated(TestUser... users) {
    return Arrays.stream(users).map(TestUser::emulated).toArray(EmulatedUser[]::new);
  }

  /** The clock the engine and emulator use; it moves only through {@link #advance}. */
  public TestClock clock() {
    return clock;
  }

  /**
   * Moves the clock by {@code duration}, then fires every scene timeout that became due and waits
   * until their handlers' messages were sent. No real time passes.
   */
  public BotTester advance(Duration duration) {
    awaitIdle();
    clock.advance(duration);
    timers.fireDue(requireRunning().dispatcher(), timeout);
    awaitIdle();
    return this;
  }

  /**
   * The named session {@code name} (such as {@code "poll:42"}, see {@code SessionRef.named}) as
   * stored now, read once the bot is idle; absent until a signal or job created it.
   */
  public SessionSnapshot session(String name) {
    return session(SessionRef.named(name));
  }

  /** The session {@code ref} refers to, as stored now, read once the bot is idle. */
  public SessionSnapshot session(SessionRef ref) {
    awaitIdle();
    return sessions.snapshot(ref.key());
  }

  /** The user's session as stored now, read once the bot is idle. */
  public SessionSnapshot session(TestUser user) {
    awaitIdle();
    return sessions.snapshot(user.emulated());
  }

  /**
   * The session of {@code user}'s messages in the group chat {@code chat} as stored now, read once
   * the bot is idle; the key comes from the bot's session key strategy (one per user in the chat by
   * default, one for the whole chat under {@code SessionKeys.CHAT}).
   */
  public SessionSnapshot session(TestUser user, TestChat chat) {
    awaitIdle();
    return sessions.snapshot(sessionKey(user, chat));
  }

  /**
   * The key of {@code user}'s session in the group chat or channel {@code chat}, by the bot's
   * strategy: where what the user does there (messages, presses, edits, deletions) is kept. A
   * channel's posts carry no sender and are kept apart: see {@link #session(TestChat)}.
   */
  public String sessionKey(TestUser user, TestChat chat) {
    return sessions.key(user.emulated(), chat.chatId(), chat.emulated().isChannel() ? "channel" : "chat");
  }

  /**
   * The session of what is posted in {@code chat} without a sender (a channel's posts and their
   * edits) as stored now, read once the bot is idle; under {@code SessionKeys.CHAT} it is the
   * chat's one session. A post's deletion names who deleted it, so it reaches that user's session
   * ({@link #session(TestUser, TestChat)}), not this one: the update does not say it came from a
   * channel.
   */
  public SessionSnapshot session(TestChat chat) {
    awaitIdle();
    return sessions.snapshot(sessionKey(chat));
  }

  /**
   * The data the members of {@code chat} share ({@code Bot.Builder.chatData}) as stored now, read
   * once the bot is idle; empty until a handler first changed it.
   */
  public <C> Optional<C> chatData(TestChat chat, Class<C> type) {
    awaitIdle();
    return sessions.chatData(chat.chatId(), type);
  }

  /** The key of {@link #session(TestChat)}, by the bot's strategy. */
  public String sessionKey(TestChat chat) {
    return sessions.channelPostKey(chat.chatId());
  }

  /**
   * The session of {@code user}'s latest constructor session (open, or the one they finished last)
   * as stored now, read once the bot is idle; its key comes from the bot's session key strategy,
   * so under {@code SessionKeys.CONSTRUCTOR_SESSION} each constructor session has its own. Throws
   * IllegalStateException when the user never used the constructor.
   */
  public SessionSnapshot constructorSession(TestUser user) {
    awaitIdle();
    String id = user.constructorSessionId().orElseThrow(() -> new IllegalStateException(
        user.name() + " has not used the constructor yet"));
    return sessions.snapshot(sessions.constructorKey(user.emulated(), id));
  }

  /** The key of {@code user}'s dialog session, by the bot's session key strategy. */
  public String sessionKey(TestUser user) {
    return sessions.key(user.emulated());
  }

  /**
   * Stops the bot gracefully and starts it again on the same store and emulator, as a deploy
   * would; conversations continue where they were. Returns once the new runtime has started.
   */
  public synchronized BotTester restart() {
    awaitIdle();
    requireRunning().close();
    running = RunningBot.start(bot, emulator, store, api, clock);
    return this;
  }

  /**
   * Stops the bot gracefully and starts {@code next} in its place on the same store, emulator and
   * users, as a deploy of a new release would: sessions the old release wrote meet the new one's
   * scenes, data versions and migrations. Returns once the new runtime has started.
   */
  public synchronized BotTester deploy(Bot next) {
    Objects.requireNonNull(next, "next");
    awaitIdle();
    requireRunning().close();
    bot = next;
    sessions = new SessionLookup(next, store, clock);
    running = RunningBot.start(next, emulator, store, api, clock);
    return this;
  }

  /**
   * Waits until the bot has acknowledged every update sent so far (the emulator saw a long poll
   * pass a marker beyond them, which the runtime does only once each was handled and its replies
   * sent) and its lanes hold nothing more: signals between sessions run on their target's lane
   * after the sender's update was acknowledged, and may send more. Scene timeouts run only inside
   * {@link #advance}, which waits for them itself. Throws AssertionError after the safety timeout.
   */
  public void awaitIdle() {
    Emulator current = requireEmulator();
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        if (!current.awaitAcknowledged(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
          throw new AssertionError("the bot did not acknowledge " + current.unacknowledgedUpdates()
              + " update(s) within " + timeout + "; is a handler blocked, or is the API failing?");
        }
        int queued = running == null ? 0 : running.dispatcher().queuedTasks();
        if (queued == 0 && current.unacknowledgedUpdates() == 0) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the bot still had " + queued + " lane task(s) (signals between sessions)"
              + " after " + timeout + "; is a handler blocked?");
        }
        // Signal tasks complete no future the kit could wait on; their lanes drain within milliseconds.
        Thread.sleep(2);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the bot", e);
    }
  }

  /**
   * The running bot's meters (scenes, funnels per campaign, sends, conflicts), read once the bot
   * is idle. A {@link #restart()} starts them afresh, as a new process would.
   */
  public MeterRegistry meters() {
    awaitIdle();
    synchronized (this) {
      if (running == null) {
        throw new IllegalStateException("the bot is not running; start() it first");
      }
      return running.meters();
    }
  }

  /** The emulator the bot talks to, for fault injection, raw users or its web chat address. */
  public Emulator emulator() {
    return requireEmulator();
  }

  /** Shortcut for {@code emulator().faults()}: make the next calls to a path answer 429/503 or a refusal (4xx). */
  public Faults faults() {
    return requireEmulator().faults();
  }

  /**
   * The waits the bot's API client asked for so far, oldest first: retry backoff and
   * {@code Retry-After}. The kit does not really wait them, so faults cost no test time.
   */
  public List<Duration> apiWaits() {
    return sleeper.waits();
  }

  /** The safety timeout of every wait. */
  public Duration timeout() {
    return timeout;
  }

  /** Stops the bot gracefully, then the emulator; closes the store if the tester made it. Idempotent. */
  @Override
  public synchronized void close() {
    if (running != null) {
      running.close();
      running = null;
    }
    if (emulator != null) {
      emulator.close();
      emulator = null;
    }
    users.clear();
    if (ownsStore && !closed) {
      store.close();
    }
    closed = true;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!perClass) {
      start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (perClass) {
      users.clear();
      requireEmulator().faults().clear();
    } else {
      close();
    }
  }

  private synchronized Emulator requireEmulator() {
    if (emulator == null) {
      throw new IllegalStateException("bot tester for '" + bot.name() + "' is not running; register "
          + "it with @RegisterExtension or call start()");
    }
    return emulator;
  }

  private synchronized RunningBot requireRunning() {
    requireEmulator();
    return running;
  }

  /** Settings of a {@link BotTester}; every one has a default. */
  public static final class Builder {
    private final Bot bot;
    private SessionStore store;
    private Duration timeout = Duration.ofSeconds(5);
    private Instant start = TestClock.DEFAULT_START;

    private Builder(Bot bot) {
      this.bot = Objects.requireNonNull(bot, "bot");
    }

    /**
     * Runs the bot on {@code store} (for example a Redis store) instead of a fresh in-memory one;
     * the tester never closes a store it was given.
     */
    public Builder store(SessionStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** The safety timeout of every wait (default 5 s); a healthy test never waits this long. */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout is " + timeout + "; it must be positive");
      }
      this.timeout = timeout;
      return this;
    }

    /** Where the test clock starts (default {@link TestClock#DEFAULT_START}). */
    public Builder clockStart(Instant start) {
      this.start = Objects.requireNonNull(start, "start");
      return this;
    }

    /** Builds the tester; it starts with the JUnit extension callbacks or {@link BotTester#start()}. */
    public BotTester build() {
      return new BotTester(this);
    }
  }
}
