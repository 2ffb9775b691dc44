package io.ttscenes.runtime.engine;

import io.ttscenes.api.Scene;

/** A scene change a handler requested; applied by {@link Transitions} after the handler returns. */
sealed interface Transition {

  record Enter(Scene<?> scene, Object data) implements Transition {
    @Override
    public String toString() {
      return "enter(" + scene.id() + ")";
    }
  }

  record Call(Scene<?> scene, Object input) implements Transition {
    @Override
    public String toString() {
      return "call(" + scene.id() + ")";
    }
  }

  record Return(io.ttscenes.api.DialogResult<?> result) implements Transition {
    @Override
    public String toString() {
      return result instanceof io.ttscenes.api.DialogResult.Cancelled ? "cancelDialog()" : "finish(...)";
    }
  }

  record Leave() implements Transition {
    @Override
    public String toString() {
      return "leave()";
    }
  }

  record Reenter() implements Transition {
    @Override
    public String toString() {
      return "reenter()";
    }
  }

  record Back() implements Transition {
    @Override
    public String toString() {
      return "back()";
    }
  }

  record Next() implements Transition {
    @Override
    public String toString() {
      return "next()";
    }
  }

  record GoTo(String step) implements Transition {
    @Override
    public String toString() {
      return "goTo(" + step + ")";
    }
  }
}
