package org.cybernorms.compliance.benchmark;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JMH micro-benchmarks of this package ({@link MethodologyBenchmark}, {@link SerializerBenchmark} and any other
 * matching {@code -Dbench.jmh.include}), run once per harness run through JMH's {@link Runner}, in the harness's own
 * JVM (forks 0: surefire's classpath, the same -Xmx), with short iterations. JMH's own report goes into the results.
 *
 * <p>Settings ({@code -Dbench.jmh.*}): {@code include} (a regular expression of benchmark names, default every
 * benchmark of this package), {@code warmup} iterations (2), {@code iterations} (3), {@code time} of each (1s).
 */
public final class MicroBenchmarksScenario implements Scenario {

    @Override
    public String name() {
        return "microbenchmarks";
    }

    @Override
    public boolean needsApplication() {
        return false;
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        Files.createDirectories(context.resultsDir());
        Path report = context.resultsDir().resolve("jmh.txt");
        TimeValue time = TimeValue.milliseconds(BenchContext.setting("jmh.time", java.time.Duration.ofSeconds(1))
                .toMillis());
        Options options = new OptionsBuilder()
                .include(BenchContext.setting("jmh.include", "org\\.cybernorms\\.compliance\\.benchmark\\..*"))
                .forks(0)
                .threads(1)
                .warmupIterations((int) BenchContext.setting("jmh.warmup", 2))
                .warmupTime(time)
                .measurementIterations((int) BenchContext.setting("jmh.iterations", 3))
                .measurementTime(time)
                .shouldFailOnError(true)
                .output(report.toString())
                .build();
        context.log("JMH: running micro-benchmarks (report in " + report + ")");
        Collection<RunResult> results = new Runner(options).run();
        context.attach("JMH report", Files.readString(report));

        List<Figure> figures = new ArrayList<>();
        Map<String, RunResult> byName = new TreeMap<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String name = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            byName.put(name, result);
            figures.add(Figure.of("jmh " + name + params(result), result.getPrimaryResult().getScore(),
                            result.getPrimaryResult().getScoreUnit())
                    .withNote(String.format("± %.3f (99.9%%)", result.getPrimaryResult().getScoreError())));
        }
        RunResult axon = byName.get("SerializerBenchmark.axonJacksonSerializer");
        RunResult plain = byName.get("SerializerBenchmark.plainObjectMapper");
        if (axon != null && plain != null) {
            figures.add(Figure.of("payload deserialisation: Axon JacksonSerializer",
                            axon.getPrimaryResult().getScore(), axon.getPrimaryResult().getScoreUnit())
                    .withBaseline("plain ObjectMapper", plain.getPrimaryResult().getScore()));
        }
        return figures;
    }

    private static String params(RunResult result) {
        StringBuilder text = new StringBuilder();
        for (String key : result.getParams().getParamsKeys()) {
            text.append(text.isEmpty() ? " (" : ", ").append(key).append('=').append(result.getParams().getParam(key));
        }
        return text.isEmpty() ? "" : text.append(')').toString();
    }
}
