package org.cybernorms.compliance.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every figure of a harness run, printed as it comes and written at the end as one Markdown file (with the machine it
 * ran on), from which docs/benchmarks.md ("The latest full run" and a section per store) takes its figures.
 */
final class Results {

    /** One figure, where it was measured. */
    record Row(String store, long size, String scenario, Figure figure) {
        String where() {
            return store == null ? "-" : store + " " + String.format(Locale.ROOT, "%,d", size);
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> logs = new LinkedHashMap<>();
    private final Map<String, String> attachments = new LinkedHashMap<>();
    private final Instant started = Instant.now();
    private final String loadAtStart = loadAverage();

    void add(String store, long size, String scenario, Figure figure) {
        Row row = new Row(store, size, scenario, figure);
        rows.add(row);
        System.out.println("[bench] " + row.where() + " | " + scenario + " | " + figure.line());
    }

    void failure(String where, String scenario, Throwable error) {
        String text = where + " | " + scenario + " | FAILED: " + error;
        failures.add(text);
        System.out.println("[bench] " + text);
        error.printStackTrace(System.out);
    }

    void note(String text) {
        notes.add(text);
        System.out.println("[bench] " + text);
    }

    void log(String where, String description) {
        logs.put(where, description);
    }

    void attach(String title, String text) {
        attachments.put(title, text);
    }

    List<String> failures() {
        return failures;
    }

    List<Row> rows() {
        return rows;
    }

    /**
     * For every figure marked flat, and every store: its value at a size compared with its value at a tenth of that
     * size (10^6 against 10^5, and so on), with the target "at most 1.5 times".
     */
    void compareAcrossSizes() {
        Map<String, Map<String, Map<Long, Figure>>> flat = new TreeMap<>();
        for (Row row : rows) {
            if (row.figure().flat() && row.store() != null) {
                flat.computeIfAbsent(row.store(), s -> new TreeMap<>())
                        .computeIfAbsent(row.scenario() + "\u0000" + row.figure().name(), n -> new TreeMap<>())
                        .put(row.size(), row.figure());
            }
        }
        flat.forEach((store, figures) -> figures.forEach((key, bySize) -> {
            String[] parts = key.split("\u0000");
            for (long size : new TreeSet<>(bySize.keySet())) {
                Figure smaller = bySize.get(size / 10);
                if (size % 10 == 0 && smaller != null) {
                    Figure larger = bySize.get(size);
                    add(store, size, "flat reads", Figure.of(String.format(Locale.ROOT, "%s at %,d", parts[1], size),
                                    larger.value(), larger.unit())
                            .withBaseline(String.format(Locale.ROOT, "at %,d", size / 10), smaller.value())
                            .withTarget(Figure.Target.ratioAtMost(1.5)));
                }
            }
        }));
    }

    /** Writes the Markdown file and gives its path. */
    Path write(Path directory, String settings) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("results.md");
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("- run: ").append(started.truncatedTo(ChronoUnit.SECONDS)).append(" to ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" (UTC)\n");
        md.append("- settings: ").append(settings).append('\n');
        md.append("- commit: ").append(gitCommit()).append('\n');
        md.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", total memory ").append(totalMemory()).append('\n');
        md.append("- JVM: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(", max heap ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MiB, arguments ")
                .append(ManagementFactory.getRuntimeMXBean().getInputArguments()).append('\n');
        md.append("- load average (/proc/loadavg): at start ").append(loadAtStart).append(", at end ")
                .append(loadAverage()).append("\n\n");
        md.append("| store, events | scenario | figure | value | baseline | ratio | target | verdict | note |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Row row : rows) {
            Figure f = row.figure();
            md.append("| ").append(row.where()).append(" | ").append(row.scenario()).append(" | ").append(f.name())
                    .append(" | ").append(Figure.format(f.value())).append(' ').append(f.unit()).append(" | ")
                    .append(f.baseline() == null ? "" : f.baseline().name() + " " + Figure.format(f.baseline().value())
                            + " " + f.unit())
                    .append(" | ").append(f.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", f.ratio()))
                    .append(" | ").append(f.target() == null ? "" : (f.target().onRatio() ? "ratio " : "")
                            + f.target() + (f.target().onRatio() ? "" : " " + f.unit()))
                    .append(" | ").append(f.verdict() == null ? "" : "**" + f.verdict() + "**")
                    .append(" | ").append(f.note() == null ? "" : f.note().replace("|", "\\|")).append(" |\n");
        }
        if (!notes.isEmpty() || !failures.isEmpty()) {
            md.append("\n## Notes and failures\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
            failures.forEach(f -> md.append("- **").append(f).append("**\n"));
        }
        if (!logs.isEmpty()) {
            md.append("\n## Generated logs\n\n");
            logs.forEach((where, text) -> md.append("### ").append(where).append("\n\n```\n").append(text)
                    .append("```\n\n"));
        }
        attachments.forEach((title, text) -> md.append("\n## ").append(title).append("\n\n```\n").append(text)
                .append(text.endsWith("\n") ? "" : "\n").append("```\n"));
        Files.writeString(file, md);
        return file;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return (os.getTotalMemorySize() / (1024 * 1024 * 1024)) + " GiB";
        }
        return "unknown";
    }

    private static String gitCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
