package io.github.corsstarter.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How every benchmark of this module runs, written once: average time in nanoseconds, 2
 * forks with a fixed 2 GB heap, 5 warm-up and 5 measured iterations of 1 s, one state per
 * thread. JMH's annotations are {@code @Inherited} and its generator reads them from the
 * superclass, so a benchmark extends this class and states only what it does differently
 * (on the method, as {@code ServletFilterBenchmark.withoutCors()} does).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
@State(Scope.Thread)
public abstract class JmhSettings {

}
