package org.cybernorms.compliance.benchmark;

import java.util.Locale;

/**
 * One measured figure, with what it is compared with where there is something: a baseline measured in the same run
 * (the ratio is value / baseline) and a target, on the value or on the ratio.
 *
 * <p>Printed as, for example:
 * {@code replay 1,000,000 events: 95,000 ev/s | baseline raw read 180,000 ev/s | ratio 0.53 | target ≥0.50 | MET}.
 *
 * @param name     what was measured, such as {@code scorecard p99}
 * @param value    the measured value
 * @param unit     its unit, such as {@code ms} or {@code ev/s}
 * @param baseline what the value is compared with, or null
 * @param target   the target, or null
 * @param flat     whether the figure should not grow with the log: the harness compares it across sizes (a size and
 *                 ten times that size, such as 10^5 and 10^6) with the target "at most 1.5 times"
 * @param note     anything else worth printing (request counts, errors), or null
 */
public record Figure(String name, double value, String unit, Baseline baseline, Target target, boolean flat,
                     String note) {

    /** What a figure is compared with, in the same unit. */
    public record Baseline(String name, double value) {
    }

    /** A target on the value or on the ratio to the baseline. */
    public record Target(boolean onRatio, boolean atLeast, double threshold) {

        public static Target valueAtMost(double threshold) {
            return new Target(false, false, threshold);
        }

        public static Target valueAtLeast(double threshold) {
            return new Target(false, true, threshold);
        }

        public static Target ratioAtLeast(double threshold) {
            return new Target(true, true, threshold);
        }

        public static Target ratioAtMost(double threshold) {
            return new Target(true, false, threshold);
        }

        public boolean met(double value, Double ratio) {
            double measured = onRatio ? (ratio == null ? Double.NaN : ratio) : value;
            if (Double.isNaN(measured)) {
                return false;
            }
            return atLeast ? measured >= threshold : measured <= threshold;
        }

        @Override
        public String toString() {
            return (atLeast ? "≥" : "≤") + format(threshold);
        }
    }

    public static Figure of(String name, double value, String unit) {
        return new Figure(name, value, unit, null, null, false, null);
    }

    public Figure withBaseline(String baselineName, double baselineValue) {
        return new Figure(name, value, unit, new Baseline(baselineName, baselineValue), target, flat, note);
    }

    public Figure withTarget(Target newTarget) {
        return new Figure(name, value, unit, baseline, newTarget, flat, note);
    }

    /** Marks the figure as one that should not grow with the log (compared across sizes). */
    public Figure asFlat() {
        return new Figure(name, value, unit, baseline, target, true, note);
    }

    public Figure withNote(String newNote) {
        return new Figure(name, value, unit, baseline, target, flat, newNote);
    }

    /** value / baseline, or null without a baseline. */
    public Double ratio() {
        return baseline == null || baseline.value() == 0 ? null : value / baseline.value();
    }

    /** MET, MISSED, or null without a target. */
    public String verdict() {
        return target == null ? null : target.met(value, ratio()) ? "MET" : "MISSED";
    }

    /** One line: the figure, its baseline, ratio, target and verdict, and the note. */
    public String line() {
        StringBuilder line = new StringBuilder(name).append(": ").append(format(value)).append(' ').append(unit);
        if (baseline != null) {
            line.append(" | baseline ").append(baseline.name()).append(' ').append(format(baseline.value()))
                    .append(' ').append(unit);
        }
        if (ratio() != null) {
            line.append(" | ratio ").append(String.format(Locale.ROOT, "%.2f", ratio()));
        }
        if (target != null) {
            line.append(" | target ").append(target.onRatio() ? "ratio " : "").append(target)
                    .append(target.onRatio() ? "" : " " + unit).append(" | ").append(verdict());
        }
        if (note != null && !note.isBlank()) {
            line.append(" | ").append(note);
        }
        return line.toString();
    }

    /** Numbers as people read them: 95,000 or 12.3 or 0.53. */
    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
