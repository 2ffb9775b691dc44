package io.ttscenes.storage.redis;

import java.util.Arrays;

/** Reads the slot ranges a node serves from its own {@code CLUSTER NODES} answer (the "myself" line). */
final class SlotRanges {
  private SlotRanges() {}

  /** Pairs of first and last slot, flattened; empty when the node serves none or is a replica. */
  static int[] ofMyself(String clusterNodes) {
    for (String line : clusterNodes.split("\n")) {
      String[] fields = line.trim().split(" ");
      if (fields.length > 2 && fields[2].contains("myself")) {
        return fields[2].contains("master") ? ranges(fields) : new int[0];
      }
    }
    return new int[0];
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
