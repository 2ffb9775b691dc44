package io.ttscenes.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Finds the exception handler registered for the closest superclass of an error's class. */
final class ExceptionHandlers {
  private final Map<Class<? extends Throwable>, ExceptionHandler<?>> byType;

  ExceptionHandlers(Map<Class<? extends Throwable>, ExceptionHandler<?>> byType) {
    this.byType = new LinkedHashMap<>(byType);
  }

  @SuppressWarnings("unchecked")
  Optional<ExceptionHandler<Throwable>> find(Throwable error) {
    // Walking up from the concrete class makes the most specific registration win.
    for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
      ExceptionHandler<?> handler = byType.get(type);
      if (handler != null) {
        return Optional.of((ExceptionHandler<Throwable>) handler);
      }
    }
    return Optional.empty();
  }
}
