package org.cybernorms.compliance.shared;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThat;

class FactRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

    @Test
    void reportsEveryProblemAtOnce() {
        FactRejectedException e = catchThrowableOfType(FactRejectedException.class, () -> FactRules.asOf(TODAY)
                .notInFuture("madeOn", TODAY.plusDays(10))
                .notBefore("dueOn", TODAY.plusDays(5), "madeOn", TODAY.plusDays(10))
                .present("description", " ")
                .orThrow());

        assertThat(e.problems()).extracting(FactRejectedException.FieldProblem::field)
                .containsExactly("madeOn", "dueOn", "description");
        assertThat(e.getMessage())
                .isEqualTo("madeOn: must not be in the future (today is 2025-06-30 UTC); "
                        + "dueOn: must not be before madeOn (2025-07-10); description: is required");
    }

    @Test
    void todayIsNotInTheFutureAndTheSameDayIsNotBefore() {
        assertThatCode(() -> FactRules.asOf(TODAY)
                .notInFuture("d", TODAY)
                .notBefore("d", TODAY, "e", TODAY)
                .present("s", "x")
                .require(true, "r", "never")
                .orThrow()).doesNotThrowAnyException();
    }

    @Test
    void missingDatesAreLeftToPresent() {
        assertThatCode(() -> FactRules.asOf(TODAY).notInFuture("d", null).notBefore("d", null, "e", TODAY)
                .notBefore("d", TODAY, "e", null).orThrow()).doesNotThrowAnyException();
        assertThatThrownBy(() -> FactRules.asOf(TODAY).present("d", null).orThrow())
                .isInstanceOf(FactRejectedException.class).hasMessage("d: is required");
    }

    @Test
    void failedRequirementNamesItsField() {
        assertThatThrownBy(() -> FactRules.asOf(TODAY).require(false, "evidence[0]", "bad").orThrow())
                .isInstanceOfSatisfying(FactRejectedException.class, e -> assertThat(e.problems())
                        .containsExactly(new FactRejectedException.FieldProblem("evidence[0]", "bad")));
    }
}
