package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.scorecard.methodology.FactRef;
import org.cybernorms.compliance.scorecard.methodology.NormScore;
import org.cybernorms.compliance.scorecard.methodology.Scorecard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One recorded event that changed a state's scorecard: the scorecard just before the tracker recorded it and the
 * scorecard with it, both at the same {@code asOf}.
 *
 * @param event    the event (id, type, valid date, recorded instant)
 * @param position its place in the log
 */
public record ScoreChange(FactRef event, long position, Scorecard before, Scorecard after) {

    /** One norm whose line differs: its line before and after ({@code null} where the norm was not on the card). */
    public record NormChange(String norm, NormScore before, NormScore after) {
    }

    /** The norms whose lines differ, by code. */
    public List<NormChange> normChanges() {
        Map<String, NormScore> was = byCode(before);
        Map<String, NormScore> is = byCode(after);
        TreeSet<String> codes = new TreeSet<>(was.keySet());
        codes.addAll(is.keySet());
        List<NormChange> changes = new ArrayList<>();
        for (String code : codes) {
            if (!sameResult(was.get(code), is.get(code))) {
                changes.add(new NormChange(code, was.get(code), is.get(code)));
            }
        }
        return changes;
    }

    /**
     * Whether two scorecards give the same result: the same state score and, norm by norm, the same title, status,
     * score, pledge and counts. The basis (which facts a score rests on) is the explanation, not the result, and is
     * not compared.
     */
    public static boolean sameResult(Scorecard a, Scorecard b) {
        if (!Objects.equals(a.score(), b.score()) || a.norms().size() != b.norms().size()) {
            return false;
        }
        for (int i = 0; i < a.norms().size(); i++) {
            if (!sameResult(a.norms().get(i), b.norms().get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameResult(NormScore a, NormScore b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.norm().equals(b.norm()) && Objects.equals(a.title(), b.title()) && a.status() == b.status()
                && Objects.equals(a.score(), b.score()) && a.pledged() == b.pledged()
                && a.commitments().equals(b.commitments()) && a.violations().equals(b.violations());
    }

    private static Map<String, NormScore> byCode(Scorecard card) {
        Map<String, NormScore> lines = new LinkedHashMap<>();
        card.norms().forEach(line -> lines.put(line.norm().value(), line));
        return lines;
    }
}
