package io.ttscenes.runtime.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ttscenes.api.Scene;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * The mutable, typed form of a session during one handler run: scene data and session data as
 * the author's objects. Confined to one lane thread; a fresh copy is decoded for every attempt.
 */
final class Session {
  Scene<?> scene;
  String step;
  Object data;
  Object sessionData;
  final List<SessionState.HistoryEntry> history;
  final Jobs jobs;
  Long user;
  Long chat;
  /** The deep-link campaign the user started with (null without one) and the places reached since. */
  String campaign;
  final Set<String> reached = new LinkedHashSet<>();
  /**
   * State of the authoring blocks (button stamp, stored payloads, locale, prompt attempts, dialog
   * stack), kept apart from the author's data; written as {@code x} only when not empty.
   */
  ObjectNode extras = JsonNodeFactory.instance.objectNode();
  /** The chat data this run sees (not part of the session's JSON); set by the engine per run. */
  ChatShare chatShare;
  /**
   * Set when the stored session could not be read (a deploy changed its data) and this one started
   * over at the root; the turn tells the user and counts it. Never stored.
   */
  FlowEvent.SessionReset reset;

  Session(Scene<?> scene, String step, Object data, Object sessionData,
      List<SessionState.HistoryEntry> history, Jobs jobs, Long user, Long chat) {
    this.scene = scene;
    this.step = step;
    this.data = data;
    this.sessionData = sessionData;
    this.history = new ArrayList<>(history);
    this.jobs = jobs;
    this.user = user;
    this.chat = chat;
  }

  Optional<Scene<?>> scene() {
    return Optional.ofNullable(scene);
  }

  /** The session's place: {@code root}, {@code scene} or {@code scene/step}. */
  String place() {
    return FlowEvent.place(sceneName(), stepName());
  }

  /** The current scene's id, or {@link FlowEvent#ROOT}. */
  String sceneName() {
    return scene == null ? FlowEvent.ROOT : scene.id();
  }

  /** The current wizard step, or {@link FlowEvent#NO_STEP}. */
  String stepName() {
    return step == null ? FlowEvent.NO_STEP : step;
  }

  /** Index of the current wizard step in its scene, or -1 outside wizards. */
  int stepIndex() {
    if (scene == null || step == null) {
      return -1;
    }
    for (int i = 0; i < scene.steps().size(); i++) {
      if (scene.steps().get(i).name().equals(step)) {
        return i;
      }
    }
    return -1;
  }
}
