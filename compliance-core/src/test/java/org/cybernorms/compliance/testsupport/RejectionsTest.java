package org.cybernorms.compliance.testsupport;

import org.cybernorms.compliance.shared.FactRejectedException;
import org.cybernorms.compliance.shared.FactRejectedException.FieldProblem;
import org.cybernorms.compliance.shared.TransitionForbiddenException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cybernorms.compliance.testsupport.Rejections.forbiddenWhile;
import static org.cybernorms.compliance.testsupport.Rejections.mentioning;
import static org.cybernorms.compliance.testsupport.Rejections.rejectedOn;

/** The matchers used by the aggregate tests must be able to fail, or the tests built on them prove nothing. */
class RejectionsTest {

    private final FactRejectedException two = new FactRejectedException(List.of(
            new FieldProblem("madeOn", "must not be in the future"), new FieldProblem("dueOn", "must not be before")));

    @Test
    void rejectedOnMatchesExactlyTheNamedFields() {
        assertThat(rejectedOn("madeOn", "dueOn").matches(two)).isTrue();
        assertThat(rejectedOn("dueOn", "madeOn").matches(two)).isTrue();
        assertThat(rejectedOn("madeOn").matches(two)).isFalse();
        assertThat(rejectedOn("madeOn", "dueOn", "norm").matches(two)).isFalse();
        assertThat(rejectedOn("madeOn", "dueOn").matches(new TransitionForbiddenException("x", "OPEN"))).isFalse();
    }

    @Test
    void rejectedOnWithFragmentChecksTheMessage() {
        FactRejectedException one = new FactRejectedException("norm", "'13z': the norm is not part of the instrument");
        assertThat(rejectedOn("norm", mentioning("not part")).matches(one)).isTrue();
        assertThat(rejectedOn("norm", mentioning("retired")).matches(one)).isFalse();
        assertThat(rejectedOn("instrument", mentioning("not part")).matches(one)).isFalse();
        assertThat(rejectedOn("madeOn", mentioning("future")).matches(two)).isFalse();
    }

    @Test
    void forbiddenWhileChecksTheCurrentStatus() {
        assertThat(forbiddenWhile("WITHDRAWN").matches(new TransitionForbiddenException("x", "WITHDRAWN"))).isTrue();
        assertThat(forbiddenWhile("WITHDRAWN").matches(new TransitionForbiddenException("x", "FULFILLED"))).isFalse();
        assertThat(forbiddenWhile("WITHDRAWN").matches(two)).isFalse();
    }
}
