package org.cybernorms.compliance.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The code of a norm within an instrument, such as {@code 13f} or {@code art2}: letters and digits, compared in lower
 * case. Codes sort naturally: runs of digits compare as numbers, so a treaty's {@code art2} comes before {@code art10}
 * (codes of one shape, such as {@code 13a} to {@code 13k}, keep their alphabetical order).
 */
public record NormCode(String value) implements Comparable<NormCode> {

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,15}");

    public NormCode {
        if (value == null) {
            throw new IllegalArgumentException("a norm code is required");
        }
        value = value.trim().toLowerCase(Locale.ROOT);
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a norm code is 1 to 16 letters, digits, dots or hyphens");
        }
    }

    @JsonCreator
    public static NormCode of(String value) {
        return new NormCode(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(NormCode other) {
        return naturally(value, other.value);
    }

    /** Compares two codes with runs of digits taken as numbers, then as text, so the order is total. */
    static int naturally(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                String da = a.substring(i, endA).replaceFirst("^0+(?=.)", "");
                String db = b.substring(j, endB).replaceFirst("^0+(?=.)", "");
                int byLength = Integer.compare(da.length(), db.length());
                if (byLength != 0) {
                    return byLength;
                }
                int byDigits = da.compareTo(db);
                if (byDigits != 0) {
                    return byDigits;
                }
                i = endA;
                j = endB;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int byRest = Integer.compare(a.length() - i, b.length() - j);
        return byRest != 0 ? byRest : a.compareTo(b);
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    @Override
    public String toString() {
        return value;
    }
}
