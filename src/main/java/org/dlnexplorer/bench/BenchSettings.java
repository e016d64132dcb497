package org.dlnexplorer.bench;

/**
 * How to run the JMH suite (from the shaded jar, any JVM 17+):
 * <pre>
 * java -cp target/dln-explorer.jar org.openjdk.jmh.Main 'org.dlnexplorer.bench.*'        # all, ~4 min
 * java -cp target/dln-explorer.jar org.openjdk.jmh.Main GradientBench -p config=8x64     # one kernel
 * </pre>
 * Every benchmark class defaults to 1 fork, 2 warm-up and 3 measurement iterations of 1 s, average time.
 */
public final class BenchSettings {
    private BenchSettings() {}
}
