package io.ttscenes.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
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
 * A state of a conversation: handlers for what may arrive while the session is in it, lifecycle
 * handlers (enter, leave, timeout) and, for wizards, ordered steps. Its typed data is stored with
 * the session as JSON (use a record with Jackson-friendly components). Immutable once built.
 *
 * @param <D> the scene data type
 */
public final class Scene<D> {
  private final String id;
  private final Class<D> dataType;
  private final Supplier<D> initialData;
  private final Handler<D> onEnter;
  private final Handler<D> onLeave;
  private final Duration timeout;
  private final boolean idleTimeout;
  private final Handler<D> onTimeout;
  private final Map<String, Handler<D>> scheduled;
  private final Map<String, SignalRoute<D>> signals;
  private final List<WizardStep<D>> steps;
  private final List<Route<D>> routes;
  private final Handler<D> fallback;
  private final Set<String> transitions;
  private final Duration sessionTtl;
  private final List<String> problems;
  private final Set<Class<?>> callbackTypes;
  private final Set<Class<?>> startTypes;
  private final Map<String, ResultRoute<D, ?>> results;
  private final DataVersions dataVersions;

  private Scene(Builder<D> builder) {
    this.id = builder.id;
    this.dataType = builder.dataType;
    this.initialData = builder.initialData;
    this.onEnter = builder.onEnter;
    this.onLeave = builder.onLeave;
    this.timeout = builder.timeout;
    this.idleTimeout = builder.idleTimeout;
    this.onTimeout = builder.onTimeout;
    this.scheduled = builder.scheduledHandlers();
    this.signals = builder.signalRoutes();
    builder.steps.forEach(WizardStep::freeze);
    this.steps = List.copyOf(builder.steps);
    this.routes = builder.routes();
    this.fallback = builder.fallbackHandler().orElse(null);
    this.transitions = Set.copyOf(builder.transitions);
    this.sessionTtl = builder.sessionTtl;
    this.dataVersions = builder.versions.build();
    List<String> found = new ArrayList<>(builder.problems());
    found.addAll(dataVersions.problems("scene '" + id + "'"));
    this.problems = List.copyOf(found);
    Set<Class<?>> callbacks = new LinkedHashSet<>(builder.callbackTypes());
    Set<Class<?>> starts = new LinkedHashSet<>(builder.startTypes());
    steps.forEach(step -> {
      callbacks.addAll(step.callbackTypes());
      starts.addAll(step.startTypes());
    });
    this.callbackTypes = Set.copyOf(callbacks);
    this.startTypes = Set.copyOf(starts);
    this.results = Map.copyOf(builder.results);
  }

  /** Starts a scene with typed data; entering it needs data unless {@code initialData} is set. */
  public static <D> Builder<D> builder(String id, Class<D> dataType) {
    return new Builder<>(id, dataType);
  }

  /** Starts a scene that keeps no data of its own. */
  public static Builder<NoData> builder(String id) {
    return new Builder<>(id, NoData.class).initialData(() -> NoData.INSTANCE);
  }

  /** Returns the scene id, unique within its bot. */
  public String id() {
    return id;
  }

  /** Returns the scene data type. */
  public Class<D> dataType() {
    return dataType;
  }

  /** Returns fresh initial data, when the scene declares how to make it. */
  public Optional<D> initialData() {
    return Optional.ofNullable(initialData).map(Supplier::get);
  }

  /** Returns the handler run on entering, before the first step's prompt. */
  public Optional<Handler<D>> onEnter() {
    return Optional.ofNullable(onEnter);
  }

  /** Returns the handler run on leaving (by a transition, not by the session expiring). */
  public Optional<Handler<D>> onLeave() {
    return Optional.ofNullable(onLeave);
  }

  /** Returns how long after entering the timeout handler runs, when the scene has one. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * Returns whether the timeout counts from the session's last update in this scene (set with
   * {@link Builder#idleTimeout}) rather than from entering it.
   */
  public boolean timeoutIsIdle() {
    return idleTimeout;
  }

  /** Returns the handler of the scheduled job {@code name} declared on the scene itself. */
  public Optional<Handler<D>> scheduledHandler(String name) {
    return Optional.ofNullable(scheduled.get(name));
  }

  /** The continuation names the scene's and its steps' {@code onSent}/{@code onSendFailed} handlers take. */
  Set<String> continuationNames() {
    Set<String> names = new LinkedHashSet<>(Continuations.names(scheduled.keySet()));
    steps().forEach(step -> names.addAll(step.continuationNames()));
    return names;
  }

  /** Returns the signal handler for payloads of type {@code typeName} declared on the scene itself. */
  public Optional<SignalRoute<D>> signalRoute(String typeName) {
    return Optional.ofNullable(signals.get(typeName));
  }

  /** Returns the timeout handler; the scene is left only if it requests so. */
  public Optional<Handler<D>> onTimeout() {
    return Optional.ofNullable(onTimeout);
  }

  /** Returns the wizard steps in order; empty for a plain scene. */
  public List<WizardStep<D>> steps() {
    return steps;
  }

  /** Returns the step named {@code name}. */
  public Optional<WizardStep<D>> step(String name) {
    // A loop, not a stream: routing and every wizard transition look a step up.
    for (WizardStep<D> step : steps) {
      if (step.name().equals(name)) {
        return Optional.of(step);
      }
    }
    return Optional.empty();
  }

  /** Returns the scene-wide routes in declaration order. */
  public List<Route<D>> routes() {
    return routes;
  }

  /** Returns the scene's fallback handler. */
  public Optional<Handler<D>> fallback() {
    return Optional.ofNullable(fallback);
  }

  /** Returns the scene ids this scene declared it may enter. */
  public Set<String> transitions() {
    return transitions;
  }

  /** Returns how long a session idle in this scene is kept, when it overrides the bot's TTL. */
  public Optional<Duration> sessionTtl() {
    return Optional.ofNullable(sessionTtl);
  }

  /** Returns the version the scene's data is stored at and the migrations from older versions. */
  public DataVersions dataVersions() {
    return dataVersions;
  }

  List<String> problems() {
    return problems;
  }

  /** Returns the ids of the scenes this scene calls as sub-dialogs and takes results from. */
  public Set<String> calls() {
    return results.keySet();
  }

  /**
   * Returns the handler of the result {@code callee} gave back, bound to {@code result}; it throws
   * {@link IllegalStateException} when run with a value of another type than the one declared.
   */
  public Optional<Handler<D>> resultHandler(String callee, DialogResult<?> result) {
    return Optional.ofNullable(results.get(callee)).map(route -> route.bind(callee, result));
  }

  /** A declared result handler with the type it expects. */
  private record ResultRoute<D, R>(Class<R> type, TypedHandler<D, DialogResult<R>> handler) {
    @SuppressWarnings("unchecked")
    Handler<D> bind(String callee, DialogResult<?> result) {
      return ctx -> {
        if (result.value().isPresent() && !type.isInstance(result.value().get())) {
          throw new IllegalStateException("scene '" + callee + "' finished with a "
              + result.value().get().getClass().getName() + "; its caller expects a " + type.getName());
        }
        handler.handle(ctx, (DialogResult<R>) result);
      };
    }
  }

  /** Returns the typed button data types its routes and steps take. */
  public Set<Class<?>> callbackTypes() {
    return callbackTypes;
  }

  /** Returns the typed start-link payload types its routes and steps take. */
  public Set<Class<?>> startTypes() {
    return startTypes;
  }

  /** Configures a {@link Scene}; not thread-safe. */
  public static final class Builder<D> extends RouteSet<D, Builder<D>> {
    private final String id;
    private final Class<D> dataType;
    private Supplier<D> initialData;
    private Handler<D> onEnter;
    private Handler<D> onLeave;
    private Duration timeout;
    private boolean idleTimeout;
    private Handler<D> onTimeout;
    private final List<WizardStep<D>> steps = new ArrayList<>();
    private final Set<String> transitions = new LinkedHashSet<>();
    private Duration sessionTtl;
    private final Map<String, ResultRoute<D, ?>> results = new LinkedHashMap<>();
    private final DataVersions.Builder versions = new DataVersions.Builder();

    private Builder(String id, Class<D> dataType) {
      this.id = Objects.requireNonNull(id, "id");
      this.dataType = Objects.requireNonNull(dataType, "dataType");
    }

    /** Sets how {@code enter(id)} without data makes the scene's data. */
    public Builder<D> initialData(Supplier<D> initialData) {
      this.initialData = Objects.requireNonNull(initialData, "initialData");
      return this;
    }

    /** Sets the handler run on entering the scene (and on {@code reenter()} / {@code back()}). */
    public Builder<D> onEnter(Handler<D> handler) {
      this.onEnter = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /** Sets the handler run on leaving the scene through a transition. */
    public Builder<D> onLeave(Handler<D> handler) {
      this.onLeave = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /**
     * Runs {@code handler} when the session is still in this scene {@code timeout} after entering
     * it (re-entering restarts the clock). The handler decides whether to leave.
     */
    public Builder<D> timeout(Duration timeout, Handler<D> handler) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      this.onTimeout = Objects.requireNonNull(handler, "handler");
      this.idleTimeout = false;
      return this;
    }

    /**
     * Runs {@code handler} when the session, still in this scene, had no update for
     * {@code timeout}: each update handled in the scene restarts the clock (a deadline from entry
     * is {@link #timeout}). Replaces an earlier timeout of either kind.
     */
    public Builder<D> idleTimeout(Duration timeout, Handler<D> handler) {
      timeout(timeout, handler);
      this.idleTimeout = true;
      return this;
    }

    /** Adds a wizard step; steps run in the order they are added. */
    public Builder<D> step(String name, Consumer<WizardStep<D>> configure) {
      WizardStep<D> step = new WizardStep<>(name);
      configure.accept(step);
      steps.add(step);
      return this;
    }

    /**
     * Runs {@code handler} when sub-dialog {@code callee}, started here with {@link Context#call},
     * gives back its result (or was cancelled); the session is back in this scene and step, with
     * the data it had, and the step is not asked again.
     */
    public <R> Builder<D> onResult(String callee, Class<R> type, TypedHandler<D, DialogResult<R>> handler) {
      results.put(Objects.requireNonNull(callee, "callee"), new ResultRoute<>(
          Objects.requireNonNull(type, "type"), Objects.requireNonNull(handler, "handler")));
      return this;
    }

    /** Declares scenes this scene's handlers may enter, checked when the bot is built. */
    public Builder<D> transitionsTo(String... sceneIds) {
      transitions.addAll(List.of(sceneIds));
      return this;
    }

    /**
     * Keeps a session idle in this scene for {@code ttl} instead of the bot's session TTL (e.g.
     * short for a checkout, long for a subscription); make it longer than the scene's timeout.
     */
    public Builder<D> sessionTtl(Duration ttl) {
      this.sessionTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /**
     * Sets the version the scene's data is stored at (default 1). Raise it whenever a deploy changes
     * the data's shape, and declare a {@link #migrate} from each older version still stored: a user
     * mid-scene on the old shape then goes on with migrated data instead of nulls.
     */
    public Builder<D> dataVersion(int version) {
      versions.version(version);
      return this;
    }

    /**
     * Declares how stored data of version {@code from} becomes version {@code from + 1}, on its JSON
     * tree (rename, fill or drop fields; return the node). Migrations chain up to the data version.
     */
    public Builder<D> migrate(int from, UnaryOperator<ObjectNode> migration) {
      versions.migrate(from, migration);
      return this;
    }

    /** Builds the scene; wiring problems are reported together by {@link Bot.Builder#build()}. */
    public Scene<D> build() {
      return new Scene<>(this);
    }

    @Override
    Builder<D> self() {
      return this;
    }

    List<String> problems() {
      List<String> found = new ArrayList<>();
      String where = "scene '" + id + "'";
      if (id.isBlank()) {
        found.add("a scene has a blank id");
      }
      if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
        found.add(where + ": timeout is " + timeout + "; it must be positive");
      }
      if (sessionTtl != null && (sessionTtl.isZero() || sessionTtl.isNegative())) {
        found.add(where + ": session TTL is " + sessionTtl + "; it must be positive");
      }
      Set<String> names = new HashSet<>();
      for (WizardStep<D> step : steps) {
        if (!names.add(step.name())) {
          found.add(where + ": wizard step '" + step.name() + "' is declared twice");
        }
        if (step.isEmpty()) {
          found.add(where + ": wizard step '" + step.name() + "' has no handlers");
        }
      }
      return found;
    }
  }
}
