package io.ttscenes.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.runtime.engine.Dispatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pins the one-way pipeline (docs/architecture.md, "The one-way path"): the parts below the
 * dispatcher are handed no callback into what is above them when they are built, the client and
 * the engine's parts do not name what calls them, and the runtime is wired without references set
 * after the fact. Reads the compiled classes: a class name in a class file's constant pool is a use.
 */
final class OneWayWiringTest {
  // Parts the dispatcher builds, and the poller lease: none may be given a function to call back.
  private static final List<String> STAGES = List.of("engine.Signals", "engine.Effects", "engine.InstanceLease",
      "engine.LeaseKeeper", "engine.SentOutboxes", "engine.OutboxCodec", "engine.Recovery", "ingress.PollerLease");
  // The named subscriptions a stage publishes its events through; wired once, after everything is built.
  private static final Set<String> SUBSCRIPTIONS = Set.of("subscribe", "onArrival");

  @Test
  void stagesBelowTheDispatcherAreHandedNoCallbackIntoWhatCallsThem() throws Exception {
    List<String> callbacks = new ArrayList<>();
    for (String stage : STAGES) {
      Class<?> type = Class.forName("io.ttscenes.runtime." + stage);
      Stream.concat(Arrays.stream(type.getDeclaredConstructors()), Arrays.stream(type.getDeclaredMethods()))
          .filter(member -> !SUBSCRIPTIONS.contains(member.getName()) && !member.isSynthetic())
          .filter(member -> !Modifier.isPrivate(member.getModifiers()))
          .filter(OneWayWiringTest::takesAFunction)
          .forEach(member -> callbacks.add(stage + "." + member.getName()));
    }
    assertEquals(List.of(), callbacks, "stages given a function to call back: make the flow one-way");
  }

  @Test
  void theClientNamesNothingOfTheIngressOrTheEngine() {
    List<String> uses = classesIn("client").stream()
        .filter(file -> names(file, "io/ttscenes/runtime/engine/") || names(file, "io/ttscenes/runtime/ingress/"))
        .map(file -> file.getFileName().toString()).toList();
    assertEquals(List.of(), uses, "client classes that use the ingress or the engine");
  }

  @Test
  void noPartTheDispatcherBuildsNamesTheDispatcher() {
    List<String> uses = classesIn("engine").stream()
        .filter(file -> !file.getFileName().toString().startsWith("Dispatcher"))
        // A source of work like the ingress: it submits to the dispatcher from above.
        .filter(file -> !file.getFileName().toString().equals("TimerPoller.class"))
        .filter(file -> names(file, "io/ttscenes/runtime/engine/Dispatcher"))
        .map(file -> file.getFileName().toString()).toList();
    assertEquals(List.of(), uses, "engine classes that reach back to the dispatcher");
  }

  @Test
  void theRuntimeIsWiredWithoutReferencesSetAfterTheFact() {
    Path parts = classes().resolve("io/ttscenes/runtime/RuntimeParts.class");
    assertTrue(Files.exists(parts), parts.toString());
    assertFalse(names(parts, "java/util/concurrent/atomic/AtomicReference"),
        "RuntimeParts breaks a cycle with an AtomicReference: build what both sides need first");
  }

  private static boolean takesAFunction(Executable member) {
    return Arrays.stream(member.getParameterTypes()).anyMatch(type -> type == Runnable.class
        || type.getPackageName().equals("java.util.function") || type.isAnnotationPresent(FunctionalInterface.class));
  }

  private static List<Path> classesIn(String pkg) {
    try (Stream<Path> files = Files.list(classes().resolve("io/ttscenes/runtime/" + pkg))) {
      List<Path> found = files.filter(file -> file.toString().endsWith(".class")).sorted().toList();
      assertFalse(found.isEmpty(), "no classes in " + pkg);
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean names(Path classFile, String name) {
    try {
      return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path classes() {
    try {
      return Path.of(Dispatcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
