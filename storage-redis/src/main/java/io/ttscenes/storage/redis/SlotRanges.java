package io.ttscenes.storage.redis;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads a node's own line of its {@code CLUSTER NODES} answer (the one flagged {@code myself}):
 * the slot ranges it serves, and the line itself ({@link ReplicaAcks} looks up its replicas).
 */
final class SlotRanges {
  private SlotRanges() {}

  /** Pairs of first and last slot, flattened; empty when the node serves none or is a replica. */
  static int[] ofMyself(String clusterNodes) {
    return myself(clusterNodes).filter(fields -> flags(fields).contains("master"))
        .map(SlotRanges::ranges).orElse(new int[0]);
  }

  /** The space-separated fields of the first line of {@code clusterNodes} flagged {@code myself}, if any. */
  static Optional<String[]> myself(String clusterNodes) {
    for (String line : clusterNodes.split("\n")) {
      String[] fields = line.trim().split(" ");
      if (fields.length > 2 && flags(fields).contains("myself")) {
        return Optional.of(fields);
      }
    }
    return Optional.empty();
  }

  /** The flags of a line of {@code CLUSTER NODES} split into {@code fields} (at least three). */
  static List<String> flags(String[] fields) {
    return List.of(fields[2].split(","));
  }

  private static int[] ranges(String[] fields) {
    int[] ranges = new int[2 * Math.max(0, fields.length - 8)];
    int n = 0;
    for (int i = 8; i < fields.length; i++) {
      if (fields[i].startsWith("[")) {
        continue; // a slot being migrated or imported
      }
      String[] bounds = fields[i].split("-");
      ranges[n++] = Integer.parseInt(bounds[0]);
      ranges[n++] = Integer.parseInt(bounds[bounds.length - 1]);
    }
    return Arrays.copyOf(ranges, n);
  }
}
