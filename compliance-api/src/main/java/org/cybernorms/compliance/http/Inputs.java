package org.cybernorms.compliance.http;

import org.cybernorms.compliance.assistance.api.OrganisationId;
import org.cybernorms.compliance.assistance.api.Party;
import org.cybernorms.compliance.shared.FactRejectedException;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns the strings of a request into typed identifiers, collecting every failure so that the client learns of all
 * of them in one 400 answer.
 */
public final class Inputs {

    private final List<FactRejectedException.FieldProblem> problems = new ArrayList<>();

    public static Inputs check() {
        return new Inputs();
    }

    public StateCode state(String field, String value) {
        return parse(field, value, StateCode::of);
    }

    public InstrumentId instrument(String field, String value) {
        return parse(field, value, InstrumentId::of);
    }

    public NormCode norm(String field, String value) {
        return parse(field, value, NormCode::of);
    }

    /** A party to assistance: a state code ({@code FRA}) or {@code org:} and an organisation id. */
    public Party party(String field, String value) {
        return parse(field, value, Party::of);
    }

    public OrganisationId organisation(String field, String value) {
        return parse(field, value, OrganisationId::of);
    }

    private <T> T parse(String field, String value, Function<String, T> parser) {
        if (value == null) {
            return null; // presence is checked by bean validation or by the aggregate
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            problems.add(new FactRejectedException.FieldProblem(field, e.getMessage()));
            return null;
        }
    }

    public void orThrow() {
        if (!problems.isEmpty()) {
            throw new FactRejectedException(problems);
        }
    }
}
