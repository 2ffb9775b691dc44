package io.ttscenes.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ttscenes.api.i18n.Messages;
import io.ttscenes.api.internal.BotRouting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A bot's whole conversation design: its scenes, global and root handlers, middleware, exception
 * handlers and session settings. Immutable and thread-safe once built.
 *
 * <p><b>Routing order</b> for an update: the global handlers first (so {@code /cancel} works in
 * every scene); then, inside a scene, the current wizard step's routes, the scene's routes, the
 * step's fallback and the scene's fallback; at the root, the root routes and the root fallback;
 * finally the global fallback. Within each set the first matching route in declaration order wins.
 */
public final class Bot {
  static {
    BotRouting.register((bot, update, username, sceneId, step) -> Routing.select(update, username,
        bot.global, bot.root, sceneId.flatMap(bot::scene), step));
  }

  private final String name;
  private final String username;
  private final Map<String, Scene<?>> scenes;
  private final Class<?> sessionDataType;
  private final Supplier<?> sessionDataFactory;
  private final Class<?> chatDataType;
  private final Supplier<?> chatDataFactory;
  private final Handlers global;
  private final Handlers root;
  private final List<Middleware> middleware;
  private final ExceptionHandlers exceptionHandlers;
  /** The {@link Messages} key of the text sent when a session starts over; see {@link #resetNotice()}. */
  public static final String RESET_NOTICE_KEY = "ttscenes.session.reset";

  private final String apology;
  private final String resetNotice;
  private final DataVersions sessionDataVersions;
  private final DataVersions chatDataVersions;
  private final SessionKeyStrategy sessionKeys;
  private final Duration sessionTtl;
  private final int historyLimit;
  private final Set<String> campaigns;
  private final Set<String> transitions;
  private final List<String> milestones;
  private final Messages messages;
  private final StaleHandler staleHandler;
  private final LinkSigner linkSigner;
  private final Map<String, Class<?>> callbackTypes;
  private final Map<String, Class<?>> startTypes;
  private final Set<String> continuations;

  private Bot(Builder builder) {
    this.name = builder.name;
    this.username = builder.username;
    this.scenes = Collections.unmodifiableMap(builder.uniqueScenes());
    this.sessionDataType = builder.sessionDataType;
    this.sessionDataFactory = builder.sessionDataFactory;
    this.chatDataType = builder.chatDataType;
    this.chatDataFactory = builder.chatDataFactory;
    builder.global.freeze();
    builder.root.freeze();
    this.global = builder.global;
    this.root = builder.root;
    this.middleware = List.copyOf(builder.middleware);
    this.exceptionHandlers = new ExceptionHandlers(builder.exceptionHandlers);
    this.apology = builder.apology;
    this.resetNotice = builder.resetNotice;
    this.sessionDataVersions = builder.sessionVersions.build();
    this.chatDataVersions = builder.chatVersions.build();
    this.sessionKeys = builder.sessionKeys;
    this.sessionTtl = builder.sessionTtl;
    this.historyLimit = builder.historyLimit;
    this.campaigns = Set.copyOf(builder.campaigns);
    this.transitions = Collections.unmodifiableSet(new LinkedHashSet<>(builder.transitions));
    this.milestones = List.copyOf(builder.milestones);
    this.messages = builder.messages;
    this.staleHandler = builder.staleHandler;
    this.linkSigner = builder.linkSigner;
    this.callbackTypes = PayloadTypes.byTag(builder.callbackTypes(), new ArrayList<>());
    this.startTypes = PayloadTypes.byTag(builder.startTypes(), new ArrayList<>());
    this.continuations = continuationKeys(global, root, scenes.values());
  }

  private static Set<String> continuationKeys(Handlers global, Handlers root, Collection<Scene<?>> scenes) {
    Set<String> keys = new LinkedHashSet<>(global.continuationKeys());
    keys.addAll(root.continuationKeys());
    scenes.forEach(scene -> keys.addAll(scene.continuationKeys()));
    return Set.copyOf(keys);
  }

  /** Starts configuring a bot named {@code name} (used in logs, metrics and store keys). */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Returns the bot's name. */
  public String name() {
    return name;
  }

  /** Returns the bot's username, used to ignore commands addressed to other bots. */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /** Returns the scene with {@code id}. */
  public Optional<Scene<?>> scene(String id) {
    return Optional.ofNullable(scenes.get(id));
  }

  /** Returns the session-wide data type, when declared. */
  public Optional<Class<?>> sessionDataType() {
    return Optional.ofNullable(sessionDataType);
  }

  /** Returns fresh session-wide data for a new session, when a type was declared. */
  public Optional<Object> newSessionData() {
    return Optional.ofNullable(sessionDataFactory).map(Supplier::get);
  }

  /** Returns the type of the data a group chat's members share, if the bot declares one. */
  public Optional<Class<?>> chatDataType() {
    return Optional.ofNullable(chatDataType);
  }

  /** Returns fresh chat data for a chat that has none yet, if the bot declares chat data. */
  public Optional<Object> newChatData() {
    return Optional.ofNullable(chatDataFactory).map(Supplier::get);
  }

  /** Returns the middleware, outermost first. */
  public List<Middleware> middleware() {
    return middleware;
  }

  /** Returns the handler registered for the most specific supertype of {@code error}'s class. */
  public Optional<ExceptionHandler<Throwable>> exceptionHandler(Throwable error) {
    return exceptionHandlers.find(error);
  }

  /** Returns the reply sent when a handler fails and no exception handler takes the error. */
  public String apology() {
    return apology;
  }

  /**
   * Returns the text sent to a user whose stored session could not be read after a deploy and
   * started over; the {@link Messages} key {@value #RESET_NOTICE_KEY}, when declared, wins.
   */
  public String resetNotice() {
    return resetNotice;
  }

  /** Returns the version session data is stored at and the migrations from older versions. */
  public DataVersions sessionDataVersions() {
    return sessionDataVersions;
  }

  /** Returns the version chat data is stored at and the migrations from older versions. */
  public DataVersions chatDataVersions() {
    return chatDataVersions;
  }

  /** Returns how updates are mapped to sessions. */
  public SessionKeyStrategy sessionKeys() {
    return sessionKeys;
  }

  /** Returns how long an idle session is kept by the store. */
  public Duration sessionTtl() {
    return sessionTtl;
  }

  /** Returns how many earlier scenes {@link Context#back()} can return to. */
  public int historyLimit() {
    return historyLimit;
  }

  /**
   * Returns the deep-link campaigns the bot declares: the start payloads that metrics and funnels
   * name; any other payload is counted as {@code other}, so users cannot add label values.
   */
  public Set<String> campaigns() {
    return campaigns;
  }

  /** Returns the scene ids the global and root handlers declared they may enter, in declaration order. */
  public Set<String> transitions() {
    return transitions;
  }

  /** Returns the milestones handlers may mark with {@link Context#reached}, in declaration order. */
  public List<String> milestones() {
    return milestones;
  }

  /** Returns every scene, in the order they were added. */
  public List<Scene<?>> scenes() {
    return List.copyOf(scenes.values());
  }

  /** Returns the global handlers' routes, in the order they are tried. */
  public List<Route<Object>> globalRoutes() {
    return global.routes();
  }

  /** Returns the global fallback, run when nothing else matches, if one was set. */
  public Optional<Handler<Object>> globalFallback() {
    return global.fallbackHandler();
  }

  /** Returns the root fallback, run at the root when no root route matches, if one was set. */
  public Optional<Handler<Object>> rootFallback() {
    return root.fallbackHandler();
  }

  /** Returns the root handlers' routes, in the order they are tried. */
  public List<Route<Object>> rootRoutes() {
    return root.routes();
  }

  /** Returns the bot's message bundles, when it declared any. */
  public Optional<Messages> messages() {
    return Optional.ofNullable(messages);
  }

  /** Returns what handles stale or invalid typed buttons and start links. */
  public StaleHandler staleHandler() {
    return staleHandler;
  }

  /** Returns the signer of typed start links, when the bot signs them. */
  public Optional<LinkSigner> linkSigner() {
    return Optional.ofNullable(linkSigner);
  }

  /** Returns the typed button data types the bot's routes take, by tag. */
  public Map<String, Class<?>> callbackTypes() {
    return callbackTypes;
  }

  /** Returns the typed start-link payload types the bot's routes take, by tag. */
  public Map<String, Class<?>> startTypes() {
    return startTypes;
  }

  /**
   * Finds the handler of the scheduled job {@code name} when the session is in {@code sceneId}
   * (empty: the root) at wizard step {@code step}: the step's, the scene's (the root's outside
   * scenes), then the global one; empty when none takes it.
   */
  public Optional<Handler<?>> selectScheduled(String name, Optional<String> sceneId, Optional<String> step) {
    return Routing.scheduled(name, global, root, sceneId.flatMap(this::scene), step);
  }

  /**
   * Finds the handler of a signal whose payload type is named {@code typeName} (a class name)
   * when the session is in {@code sceneId} (empty: the root) at wizard step {@code step}: the
   * step's, the scene's (the root's outside scenes), then the global one; empty when none takes it.
   */
  public Optional<SignalRoute<?>> selectSignal(String typeName, Optional<String> sceneId, Optional<String> step) {
    return Routing.signal(typeName, global, root, sceneId.flatMap(this::scene), step);
  }

  /**
   * Returns whether some {@code onSent} or {@code onSendFailed} handler of the bot (global, root,
   * any scene or step) takes the continuation {@code name}.
   */
  public boolean takesContinuation(String name) {
    return takesContinuation(true, name) || takesContinuation(false, name);
  }

  /**
   * Returns whether some {@code onSent} ({@code sent} true) or else {@code onSendFailed} handler
   * of the bot (global, root, any scene or step) takes the continuation {@code name}.
   */
  public boolean takesContinuation(boolean sent, String name) {
    return continuations.contains(Continuations.key(sent, name));
  }

  /**
   * Finds the {@code onSent} handler ({@code sent} true) or {@code onSendFailed} handler of the
   * continuation {@code name}, searched as {@link #selectScheduled} does.
   */
  public Optional<Handler<?>> selectContinuation(boolean sent, String name, Optional<String> sceneId,
      Optional<String> step) {
    return selectScheduled(Continuations.key(sent, name), sceneId, step);
  }

  /** Configures a {@link Bot}; not thread-safe. */
  public static final class Builder {
    private final String name;
    private String username;
    private final List<Scene<?>> scenes = new ArrayList<>();
    private Class<?> sessionDataType;
    private Supplier<?> sessionDataFactory;
    private Class<?> chatDataType;
    private Supplier<?> chatDataFactory;
    private final Handlers global = new Handlers();
    private final Handlers root = new Handlers();
    private final List<Middleware> middleware = new ArrayList<>();
    private final Map<Class<? extends Throwable>, ExceptionHandler<?>> exceptionHandlers =
        new LinkedHashMap<>();
    private String apology = "Sorry, something went wrong. Please try again.";
    private String resetNotice = "Sorry, the bot was updated and could not pick up where we were. Let's start over.";
    private final DataVersions.Builder sessionVersions = new DataVersions.Builder();
    private final DataVersions.Builder chatVersions = new DataVersions.Builder();
    private boolean chatVersioned;
    private SessionKeyStrategy sessionKeys = SessionKeys.USER_IN_CHAT;
    private Duration sessionTtl = Duration.ofDays(30);
    private int historyLimit = 10;
    private final Set<String> campaigns = new LinkedHashSet<>();
    private final Set<String> transitions = new LinkedHashSet<>();
    private final Set<String> milestones = new LinkedHashSet<>();
    private Messages messages;
    private StaleHandler staleHandler = StaleHandlers.DEFAULT;
    private LinkSigner linkSigner;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Sets the bot's username so {@code /cmd@otherbot} is ignored; one leading {@code @} (the form
     * users see) is dropped. Throws {@link IllegalArgumentException} when nothing else is left or
     * it holds whitespace or another {@code @}.
     */
    public Builder username(String username) {
      Objects.requireNonNull(username, "username");
      String bare = username.startsWith("@") ? username.substring(1) : username;
      if (bare.isEmpty() || bare.contains("@") || bare.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("bot username '" + username
            + "' is not a username; give it as shown in TamTam, e.g. 'my_bot' or '@my_bot'");
      }
      this.username = bare;
      return this;
    }

    /** Adds a scene. */
    public Builder scene(Scene<?> scene) {
      scenes.add(Objects.requireNonNull(scene, "scene"));
      return this;
    }

    /** Declares the session-wide data type and how to make it for a new session. */
    public <S> Builder sessionData(Class<S> type, Supplier<S> initial) {
      this.sessionDataType = Objects.requireNonNull(type, "type");
      this.sessionDataFactory = Objects.requireNonNull(initial, "initial");
      return this;
    }

    /**
     * Declares the data a group chat's members share (a quiz's leaderboard, a vote's tally) and
     * how to make it for a chat that has none. A handler reads it with {@link Context#chatData}
     * and changes it with {@link Context#setChatData}; the change commits atomically with the
     * member's own session. Members' sessions are then kept per chat (see
     * {@code io.ttscenes.api.store.ChatKeys}); needs per-user-in-chat or per-chat session keys.
     */
    public <C> Builder chatData(Class<C> type, Supplier<C> initial) {
      this.chatDataType = Objects.requireNonNull(type, "type");
      this.chatDataFactory = Objects.requireNonNull(initial, "initial");
      return this;
    }

    /** Adds handlers tried before any scene's handlers, in every scene and at the root. */
    public Builder global(Consumer<Handlers> configure) {
      configure.accept(global);
      return this;
    }

    /** Adds handlers tried when the session is in no scene. */
    public Builder root(Consumer<Handlers> configure) {
      configure.accept(root);
      return this;
    }

    /** Adds a middleware; the first added is the outermost. */
    public Builder middleware(Middleware middleware) {
      this.middleware.add(Objects.requireNonNull(middleware, "middleware"));
      return this;
    }

    /** Handles exceptions of {@code type} (and subtypes without a more specific handler). */
    public <E extends Throwable> Builder onException(Class<E> type, ExceptionHandler<? super E> handler) {
      exceptionHandlers.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(handler, "handler"));
      return this;
    }

    /** Sets the reply sent when a handler fails and no exception handler takes the error. */
    public Builder apology(String apology) {
      this.apology = Objects.requireNonNull(apology, "apology");
      return this;
    }

    /**
     * Sets the text sent when a user's stored session can neither be read nor migrated (a deploy
     * changed its data) and starts over at the root; see {@link Bot#RESET_NOTICE_KEY} for i18n.
     */
    public Builder resetNotice(String text) {
      this.resetNotice = Objects.requireNonNull(text, "text");
      return this;
    }

    /**
     * Sets the version session data is stored at (default 1); raise it when a deploy changes the
     * session data's shape and declare {@link #migrateSessionData} from each older version.
     */
    public Builder sessionDataVersion(int version) {
      sessionVersions.version(version);
      return this;
    }

    /** Declares how stored session data of version {@code from} becomes {@code from + 1}, on its JSON tree. */
    public Builder migrateSessionData(int from, UnaryOperator<ObjectNode> migration) {
      sessionVersions.migrate(from, migration);
      return this;
    }

    /**
     * Sets the version chat data is stored at (default 1); raise it when a deploy changes the chat
     * data's shape and declare {@link #migrateChatData} from each older version. Chat data that
     * can be neither read nor migrated starts over from {@link #chatData}'s factory.
     */
    public Builder chatDataVersion(int version) {
      chatVersions.version(version);
      chatVersioned = true;
      return this;
    }

    /** Declares how stored chat data of version {@code from} becomes {@code from + 1}, on its JSON tree. */
    public Builder migrateChatData(int from, UnaryOperator<ObjectNode> migration) {
      chatVersions.migrate(from, migration);
      chatVersioned = true;
      return this;
    }

    /** Sets how updates map to sessions; the default is {@link SessionKeys#USER_IN_CHAT}. */
    public Builder sessionKey(SessionKeyStrategy strategy) {
      this.sessionKeys = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    /** Sets how long an idle session is kept (default 30 days). */
    public Builder sessionTtl(Duration ttl) {
      this.sessionTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /** Sets how many earlier scenes {@code back()} can return to (default 10). */
    public Builder historyLimit(int limit) {
      this.historyLimit = limit;
      return this;
    }

    /** Declares the bot's texts per locale for {@link Context#t}; their keys are checked by {@link #build()}. */
    public Builder messages(Messages messages) {
      this.messages = Objects.requireNonNull(messages, "messages");
      return this;
    }

    /** Replaces the handler of stale or invalid typed buttons and start links. */
    public Builder onStale(StaleHandler handler) {
      this.staleHandler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /**
     * Signs every typed start link with HMAC-SHA256 under {@code secret} (at least 16 bytes) and
     * refuses, as {@link Stale.Reason#INVALID}, typed start payloads whose signature does not verify.
     */
    public Builder signStartLinks(String secret) {
      this.linkSigner = LinkSigner.of(secret);
      return this;
    }

    /**
     * Declares deep-link campaigns: start payloads counted under their own name in metrics and
     * funnels (any other payload counts as {@code other}). Throws {@link IllegalArgumentException}
     * for a blank name, one longer than 64 characters, or {@code other}.
     */
    public Builder campaigns(String... names) {
      for (String name : names) {
        Objects.requireNonNull(name, "campaign");
        if (name.isBlank() || name.length() > 64 || name.equals("other")) {
          throw new IllegalArgumentException("campaign '" + name
              + "' cannot be declared; use 1-64 characters other than the reserved 'other'");
        }
        campaigns.add(name);
      }
      return this;
    }

    /**
     * Declares milestones: outcomes that are not a place in a scene (an answer found, feedback
     * given) which handlers mark with {@link Context#reached}. Metrics count them by name and
     * funnels show them after the scenes, in this order. Throws {@link IllegalArgumentException}
     * for a name that is not 1-64 of {@code a-z 0-9 _ -} or is {@code root}; {@link #build()}
     * refuses one named like a scene.
     */
    public Builder milestones(String... names) {
      for (String name : names) {
        Objects.requireNonNull(name, "milestone");
        if (!name.matches("[a-z0-9_-]{1,64}") || name.equals("root")) {
          throw new IllegalArgumentException("milestone '" + name
              + "' cannot be declared; use 1-64 of a-z, 0-9, '_' and '-', other than 'root'");
        }
        milestones.add(name);
      }
      return this;
    }

    /** Declares scenes the global and root handlers may enter, checked when the bot is built. */
    public Builder transitionsTo(String... sceneIds) {
      transitions.addAll(List.of(sceneIds));
      return this;
    }

    /**
     * Builds the bot after checking its wiring; throws {@link BotConfigurationException} listing
     * every problem found (duplicate scene ids, transitions to unknown scenes, empty wizard steps,
     * bad timeouts and settings) at once.
     */
    public Bot build() {
      List<String> problems = BotValidation.problems(this.name, scenes, sessionTtl, historyLimit);
      Set<String> ids = uniqueScenes().keySet();
      transitions.stream().filter(target -> !ids.contains(target)).forEach(target -> problems.add(
          "the bot's global or root handlers declare a transition to unknown scene '" + target + "'"));
      milestones.stream().filter(ids::contains).forEach(milestone -> problems.add("milestone '"
          + milestone + "' has the id of a scene; funnels would not tell them apart"));
      PayloadTypes.byTag(callbackTypes(), problems);
      PayloadTypes.byTag(startTypes(), problems);
      if (messages != null) {
        problems.addAll(messages.problems());
      }
      if (chatDataType != null && sessionKeys == SessionKeys.USER) {
        problems.add("chat data needs sessions per user in chat or per chat, not session keys " + sessionKeys
            + ": a member's session must sit beside its chat's data");
      }
      problems.addAll(sessionVersions.build().problems("session data"));
      problems.addAll(chatVersions.build().problems("chat data"));
      if (chatVersioned && chatDataType == null) {
        problems.add("a chat data version or migration is declared, but no chat data; add chatData(type, initial)");
      }
      if (!problems.isEmpty()) {
        throw new BotConfigurationException(name, problems);
      }
      return new Bot(this);
    }

    private Set<Class<?>> callbackTypes() {
      Set<Class<?>> types = new LinkedHashSet<>(global.callbackTypes());
      types.addAll(root.callbackTypes());
      scenes.forEach(scene -> types.addAll(scene.callbackTypes()));
      return types;
    }

    private Set<Class<?>> startTypes() {
      Set<Class<?>> types = new LinkedHashSet<>(global.startTypes());
      types.addAll(root.startTypes());
      scenes.forEach(scene -> types.addAll(scene.startTypes()));
      return types;
    }

    private Map<String, Scene<?>> uniqueScenes() {
      Map<String, Scene<?>> byId = new LinkedHashMap<>();
      scenes.forEach(scene -> byId.put(scene.id(), scene));
      return byId;
    }
  }
}
