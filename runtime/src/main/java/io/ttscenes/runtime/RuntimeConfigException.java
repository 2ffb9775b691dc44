package io.ttscenes.runtime;

import java.util.List;

/**
 * The runtime configuration is invalid; {@link #problems()} lists every problem found (not just
 * the first), each naming the variable, its value and what it must be.
 */
public final class RuntimeConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** Creates the exception for {@code problems} (at least one). */
  public RuntimeConfigException(List<String> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, one sentence each, in the order the settings are read. */
  public List<String> problems() {
    return problems;
  }

  private static String message(List<String> problems) {
    StringBuilder text = new StringBuilder("invalid ttscenes configuration (")
        .append(problems.size()).append(problems.size() == 1 ? " problem)" : " problems)");
    problems.forEach(problem -> text.append("\n  - ").append(problem));
    return text.toString();
  }
}
