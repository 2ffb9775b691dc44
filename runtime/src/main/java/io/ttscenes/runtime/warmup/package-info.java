/**
 * The warm-up a runtime runs before its first poll ({@link io.ttscenes.runtime.warmup.Warmup},
 * configured by {@link io.ttscenes.runtime.warmup.WarmupSettings}): synthetic users rehearsed on a
 * dispatcher of its own, with nothing sent and nothing stored outside the process.
 */
package io.ttscenes.runtime.warmup;
