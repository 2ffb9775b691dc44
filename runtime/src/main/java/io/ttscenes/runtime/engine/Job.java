package io.ttscenes.runtime.engine;

/** What a lane task asks the engine to do for one session: handle an update or fire its timer. */
sealed interface Job {

  /** The update type for logs and metrics. */
  String type();

  record ForUpdate(Routed routed) implements Job {
    @Override
    public String type() {
      return routed.update().updateType();
    }
  }

  record ForTimer() implements Job {
    @Override
    public String type() {
      return "scene_timeout";
    }
  }
}
