package org.cybernorms.compliance.scorecard.methodology;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A state's score at the end of every month up to {@code to}, all read with one knownAt: what
 * {@link MethodologyV1#monthlySeries} gives. {@code points} are the {@link Step#MONTH} history from the month in which
 * the first fact comes to count to {@code to}'s month, the last point clamped to {@code to}; before the first point no
 * fact counts, so there is no score.
 *
 * <p>It answers every monthly history that ends on a month's last day or on {@code to} itself, and not after
 * {@code to} ({@link #history}): such a history's points are all points of the series, or earlier month ends.
 */
public record MonthlySeries(LocalDate to, List<HistoryPoint> points) {

    public MonthlySeries {
        Objects.requireNonNull(to, "to");
        points = List.copyOf(points);
        if (!points.isEmpty() && !points.get(points.size() - 1).date().equals(to)) {
            throw new IllegalArgumentException("a monthly series ends on its date " + to);
        }
    }

    /**
     * The {@link Step#MONTH} history from {@code from} to {@code until}, exactly as {@link MethodologyV1#history}
     * gives it with this series' facts and knownAt; empty if the series cannot tell: {@code until} is after the
     * series' date, or is neither the last day of its month nor the series' date.
     */
    public Optional<List<HistoryPoint>> history(LocalDate from, LocalDate until) {
        if (from.isAfter(until) || until.isAfter(to)
                || !(until.equals(to) || until.equals(YearMonth.from(until).atEndOfMonth()))) {
            return Optional.empty();
        }
        YearMonth first = points.isEmpty() ? null : YearMonth.from(points.get(0).date());
        List<HistoryPoint> answer = new ArrayList<>();
        for (LocalDate date : MethodologyV1.historyDates(from, until, Step.MONTH)) {
            if (first == null || YearMonth.from(date).isBefore(first)) {
                answer.add(new HistoryPoint(date, null));
            } else {
                HistoryPoint point = points.get((int) ChronoUnit.MONTHS.between(first, YearMonth.from(date)));
                if (!point.date().equals(date)) {
                    return Optional.empty(); // not reached: every date asked for is a month's end or `to`
                }
                answer.add(point);
            }
        }
        return Optional.of(answer);
    }
}
