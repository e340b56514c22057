package org.cybernorms.compliance.eventlog;

import org.cybernorms.compliance.shared.FactRejectedException;
import org.cybernorms.compliance.shared.FactRejectedException.FieldProblem;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A page of the event log as asked for: after which position, how many, and which events pass. Read from the same
 * parameters, with the same messages, by {@code GET /api/events} and by the event log page.
 */
record LogFilter(Long after, int limit, Predicate<LogEvent> wanted) {

    /** The most events one page answers with. */
    static final int MAX_LIMIT = 1_000;
    static final int DEFAULT_LIMIT = 100;
    private static final Pattern POSITION = Pattern.compile("[0-9]{1,19}");

    /** Parses the parameters; every mistake at once, as a {@link FactRejectedException}. Blank means absent. */
    static LogFilter parse(String after, Integer limit, String instrument, String state, String norm, String type,
                           Instant from, Instant to) {
        List<FieldProblem> problems = new ArrayList<>();
        Long afterPosition = null;
        if (after != null) {
            if (POSITION.matcher(after).matches()) {
                afterPosition = Long.parseLong(after);
            } else {
                problems.add(new FieldProblem("after", "must be a position: 1 to 19 decimal digits"));
            }
        }
        int pageSize = limit == null ? DEFAULT_LIMIT : limit;
        if (pageSize < 1 || pageSize > MAX_LIMIT) {
            problems.add(new FieldProblem("limit", "must be from 1 to " + MAX_LIMIT));
        }
        String instrumentId = parse(problems, "instrument", instrument, v -> InstrumentId.of(v).value());
        String stateCode = parse(problems, "state", state, v -> StateCode.of(v).value());
        String normCode = parse(problems, "norm", norm, v -> NormCode.of(v).value());
        if (type != null && !EventTypes.isKnownFilter(type)) {
            problems.add(new FieldProblem("type", "is not the name of an event type of the log"));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(new FieldProblem("from", "must be before to"));
        }
        if (!problems.isEmpty()) {
            throw new FactRejectedException(problems);
        }
        Predicate<LogEvent> wanted = event -> {
            Coordinates where = Coordinates.of(event.payload());
            return (instrumentId == null || instrumentId.equals(where.instrument()))
                    && (stateCode == null || stateCode.equals(where.state()))
                    && (normCode == null || normCode.equals(where.norm()))
                    && (type == null || EventTypes.of(event.payload().getClass())
                    .map(k -> EventTypes.matches(type, k)).orElse(false))
                    && (from == null || !event.recordedAt().isBefore(from))
                    && (to == null || event.recordedAt().isBefore(to));
        };
        return new LogFilter(afterPosition, pageSize, wanted);
    }

    private static String parse(List<FieldProblem> problems, String field, String value,
                                Function<String, String> parser) {
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, e.getMessage()));
            return null;
        }
    }
}
