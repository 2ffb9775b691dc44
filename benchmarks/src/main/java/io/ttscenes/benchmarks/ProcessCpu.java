package io.ttscenes.benchmarks;

import java.lang.management.ManagementFactory;

/** This process's CPU time, user plus system, as the JVM reports it. */
final class ProcessCpu {
  private ProcessCpu() {}

  /** Returns the CPU seconds this process used so far, or -1 when the JVM cannot tell. */
  static double seconds() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      long nanos = os.getProcessCpuTime();
      return nanos < 0 ? -1 : nanos / 1e9;
    }
    return -1;
  }
}
