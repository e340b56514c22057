package org.cybernorms.compliance.shared;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A command describes a fact that cannot be true: a date in the future, dates out of order, a norm that is not in
 * force. The client has to change its input; nothing was recorded.
 */
public class FactRejectedException extends RuntimeException {

    private final List<FieldProblem> problems;

    public FactRejectedException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public FactRejectedException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** One failing field and why it fails. */
    public record FieldProblem(String field, String message) {
    }
}
