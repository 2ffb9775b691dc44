package io.ttscenes.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects every wiring problem of a bot so they are reported together. */
final class BotValidation {
  private BotValidation() {}

  static List<String> problems(String botName, List<Scene<?>> scenes, Duration sessionTtl,
      int historyLimit) {
    List<String> problems = new ArrayList<>();
    if (botName.isBlank()) {
      problems.add("the bot name is blank");
    }
    Set<String> ids = new HashSet<>();
    for (Scene<?> scene : scenes) {
      if (!ids.add(scene.id())) {
        problems.add("scene id '" + scene.id() + "' is used by more than one scene");
      }
      problems.addAll(scene.problems());
    }
    for (Scene<?> scene : scenes) {
      for (String callee : scene.calls()) {
        if (!ids.contains(callee)) {
          problems.add("scene '" + scene.id() + "' takes results of unknown scene '" + callee + "'");
        }
      }
      for (String target : scene.transitions()) {
        if (!ids.contains(target)) {
          problems.add("scene '" + scene.id() + "' declares a transition to unknown scene '"
              + target + "'");
        }
      }
    }
    if (sessionTtl.isZero() || sessionTtl.isNegative()) {
      problems.add("session TTL is " + sessionTtl + "; it must be positive");
    }
    if (historyLimit < 0) {
      problems.add("history limit is " + historyLimit + "; it must be >= 0");
    }
    return problems;
  }
}
