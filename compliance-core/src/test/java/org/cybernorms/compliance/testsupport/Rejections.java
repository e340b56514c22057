package org.cybernorms.compliance.testsupport;

import org.cybernorms.compliance.shared.FactRejectedException;
import org.cybernorms.compliance.shared.TransitionForbiddenException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Hamcrest matchers for the two kinds of refusal, for use with {@code expectException(Matcher)}. */
public final class Rejections {

    private Rejections() {
    }

    /** A {@link FactRejectedException} whose problems name exactly {@code fields} (in any order). */
    public static Matcher<FactRejectedException> rejectedOn(String... fields) {
        Set<String> expected = new TreeSet<>(Arrays.asList(fields));
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(FactRejectedException e, Description mismatch) {
                List<String> actual = e.problems().stream().map(FactRejectedException.FieldProblem::field).toList();
                mismatch.appendText("problems were ").appendValue(e.problems());
                return actual.size() == expected.size() && new TreeSet<>(actual).equals(expected);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("FactRejectedException with problems on exactly ").appendValue(expected);
            }
        };
    }

    /** A {@link FactRejectedException} with exactly one problem, on {@code field}, whose message contains
     * {@code fragment}. */
    public static Matcher<FactRejectedException> rejectedOn(String field, MessageFragment fragment) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(FactRejectedException e, Description mismatch) {
                mismatch.appendText("problems were ").appendValue(e.problems());
                return e.problems().size() == 1
                        && e.problems().get(0).field().equals(field)
                        && e.problems().get(0).message().contains(fragment.text());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("FactRejectedException with one problem on ").appendValue(field)
                        .appendText(" mentioning ").appendValue(fragment.text());
            }
        };
    }

    public static MessageFragment mentioning(String text) {
        return new MessageFragment(text);
    }

    /** A {@link TransitionForbiddenException} reporting {@code currentStatus}. */
    public static Matcher<TransitionForbiddenException> forbiddenWhile(String currentStatus) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(TransitionForbiddenException e, Description mismatch) {
                mismatch.appendText("current status was ").appendValue(e.currentStatus())
                        .appendText(" (").appendValue(e.getMessage()).appendText(")");
                return currentStatus.equals(e.currentStatus());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("TransitionForbiddenException while ").appendValue(currentStatus);
            }
        };
    }

    /** A fragment expected in a problem's message. */
    public record MessageFragment(String text) {
    }
}
