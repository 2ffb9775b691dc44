package io.ttscenes.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The version of a scene's or a bot's stored data and the migrations that bring older stored data
 * up to it, one version at a time (1 to 2, 2 to 3). Data stored before versions existed is version
 * 1. Immutable once built; declared through {@link Scene.Builder#dataVersion} and
 * {@link Bot.Builder#sessionDataVersion} and {@link Bot.Builder#chatDataVersion}.
 */
public final class DataVersions {
  private static final DataVersions INITIAL = new DataVersions(1, Map.of(), List.of());

  private final int version;
  private final Map<Integer, UnaryOperator<ObjectNode>> migrations;
  private final List<String> problems;

  private DataVersions(int version, Map<Integer, UnaryOperator<ObjectNode>> migrations, List<String> problems) {
    this.version = version;
    this.migrations = Map.copyOf(migrations);
    this.problems = List.copyOf(problems);
  }

  /** Returns version 1 without migrations: what data that never declared a version has. */
  public static DataVersions initial() {
    return INITIAL;
  }

  /** Returns the version data is written at. */
  public int version() {
    return version;
  }

  /** Returns whether a migration takes data of version {@code from} to {@code from + 1}. */
  public boolean migratesFrom(int from) {
    return migrations.containsKey(from);
  }

  /**
   * Returns {@code data} of version {@code from} brought to {@link #version()} by the declared
   * migrations in turn. Throws {@link IllegalArgumentException} naming the version when {@code from}
   * is newer than this version or a step of the chain is not declared, and {@link IllegalStateException}
   * when a migration returns null; a migration's own exception passes through.
   */
  public ObjectNode upgrade(ObjectNode data, int from) {
    Objects.requireNonNull(data, "data");
    if (from > version || from < 1) {
      throw new IllegalArgumentException("data of version " + from + " cannot be read at version " + version);
    }
    ObjectNode current = data;
    for (int at = from; at < version; at++) {
      UnaryOperator<ObjectNode> step = migrations.get(at);
      if (step == null) {
        throw new IllegalArgumentException("no migration from version " + at + " to " + (at + 1));
      }
      current = step.apply(current);
      if (current == null) {
        throw new IllegalStateException("the migration from version " + at + " returned null");
      }
    }
    return current;
  }

  List<String> problems(String where) {
    return problems.stream().map(problem -> where + ": " + problem).toList();
  }

  /** Collects a version and its migrations; problems are reported when the bot is built. Not thread-safe. */
  static final class Builder {
    private int version = 1;
    private final Map<Integer, UnaryOperator<ObjectNode>> migrations = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    void version(int version) {
      this.version = version;
    }

    void migrate(int from, UnaryOperator<ObjectNode> migration) {
      Objects.requireNonNull(migration, "migration");
      if (migrations.put(from, migration) != null) {
        problems.add("the migration from data version " + from + " is declared twice");
      }
    }

    DataVersions build() {
      List<String> found = new ArrayList<>(problems);
      if (version < 1) {
        found.add("data version is " + version + "; it must be 1 or more");
      }
      for (int from : migrations.keySet()) {
        if (from < 1 || from >= version) {
          found.add("a migration from data version " + from + " is declared, but the data version is "
              + version + (version > 1 ? " (migrations go from 1 up to " + (version - 1) + ")"
              : "; raise the data version with each migration"));
        }
      }
      return new DataVersions(version, migrations, found);
    }
  }
}
