package org.cybernorms.compliance.scorecard.http;

import org.cybernorms.compliance.shared.FactRejectedException;
import org.cybernorms.compliance.shared.FactRejectedException.FieldProblem;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the parameters of a scorecard query against one reading of the clock, collecting every failure so that the
 * client learns of all of them in one 400 answer (a {@link FactRejectedException}, which the problem handling turns
 * into an {@code errors} list).
 */
public final class QueryChecks {

    private final Instant now;
    private final LocalDate today;
    private final List<FieldProblem> problems = new ArrayList<>();

    public QueryChecks(Clock clock) {
        this.now = clock.instant();
        this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    public StateCode state(String value) {
        return parse("state", value, StateCode::of);
    }

    /** The instrument named, {@code un-gge-2015} if none is. */
    public InstrumentId instrument(String value) {
        return value == null ? InstrumentId.UN_GGE_2015 : parse("instrument", value, InstrumentId::of);
    }

    /** The norm code named; required. */
    NormCode norm(String value) {
        if (value == null || value.isBlank()) {
            reject("norm", "is required: the code of a norm in force, such as 13g");
            return null;
        }
        return parse("norm", value, NormCode::of);
    }

    /** A position in a list, 0 if none is given; a negative one is refused. */
    int offset(Integer value) {
        if (value == null) {
            return 0;
        }
        if (value < 0) {
            reject("offset", "must be 0 or more");
        }
        return value;
    }

    /** How many entries a page holds, {@code standard} if none is given; from 1 to {@code max}. */
    int limit(Integer value, int standard, int max) {
        if (value == null) {
            return standard;
        }
        if (value < 1 || value > max) {
            reject("limit", "must be from 1 to " + max);
        }
        return value;
    }

    /** The date given, today (UTC) if none is; a date after today is refused. */
    public LocalDate dateUpToToday(String field, LocalDate value) {
        if (value == null) {
            return today;
        }
        if (value.isAfter(today)) {
            reject(field, "must not be in the future (today is " + today + " UTC)");
        }
        return value;
    }

    /** The instant given, now if none is; an instant after now is refused, as nothing can be known by then yet. */
    public Instant knownAt(Instant value) {
        if (value == null) {
            return now;
        }
        if (value.isAfter(now)) {
            reject("knownAt", "must not be in the future (now is " + now + ")");
        }
        return value;
    }

    /** The instant given, now if none is; an instant after now is refused. */
    Instant instantUpToNow(String field, Instant value) {
        if (value == null) {
            return now;
        }
        if (value.isAfter(now)) {
            reject(field, "must not be in the future (now is " + now + ")");
        }
        return value;
    }

    public void reject(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    boolean ok() {
        return problems.isEmpty();
    }

    public void orThrow() {
        if (!problems.isEmpty()) {
            throw new FactRejectedException(problems);
        }
    }

    private <T> T parse(String field, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            reject(field, e.getMessage());
            return null;
        }
    }
}
