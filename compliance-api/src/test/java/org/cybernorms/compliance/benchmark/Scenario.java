package org.cybernorms.compliance.benchmark;

import java.util.List;

/**
 * One thing the benchmark harness measures. Scenarios are found with {@link java.util.ServiceLoader}: to add one,
 * implement this interface (with a public no-argument constructor) and add its class name on a line of
 * {@code src/test/resources/META-INF/services/org.cybernorms.compliance.benchmark.Scenario}.
 *
 * <p>A scenario that {@link #needsApplication() needs the application} runs once per store and log size, on a
 * running application whose store holds the generated log and whose read models have caught up with it. One that
 * does not (a JMH micro-benchmark) runs once per harness run, with a context that has no application.
 */
public interface Scenario {

    /** A short name, also used by {@code -Dbench.scenarios=} to choose scenarios. */
    String name();

    /** Whether the scenario runs on a loaded application (once per store and size), or once without one. */
    default boolean needsApplication() {
        return true;
    }

    /** Runs the scenario and gives its figures. Must bound itself in time; may throw to report a failure. */
    List<Figure> run(BenchContext context) throws Exception;
}
