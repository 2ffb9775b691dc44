/**
 * The reference survey workload of {@code bench/WORKLOAD.md} end to end: the survey bot, a fake
 * Bot API that drives and measures it (warming its own code up first, optionally with warm-up
 * users before the measured ones), {@link io.ttscenes.benchmarks.FloorBot}, the same survey with
 * no framework as an I/O floor, and JMH microbenchmarks of the per-update cost of routing and the
 * engine. Nothing is null unless documented; lookups return {@link java.util.Optional}.
 */
package io.ttscenes.benchmarks;
