package org.cybernorms.compliance.importing.eurepoc;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the multi-valued cells of the EuRepoC CSV. Two shapes occur:
 * <ul>
 *   <li>Python-style lists, possibly nested: {@code ['China', 'China']}, {@code [['Media', 'Other']]},
 *       {@code ["Korea, Democratic People's Republic of"]}. Strings are single- or double-quoted with Python escapes
 *       ({@code \xa0}, {@code \'}, …); bare words such as {@code None} or {@code nan} are kept as text.</li>
 *   <li>values joined with {@code "; "}: {@code State; State}, whose positions pair up across columns (one position
 *       per attribution claim), so empty positions are kept.</li>
 * </ul>
 */
public final class Cells {

    private Cells() {
    }

    /**
     * The string items of a Python-style list cell, flattened in order. An empty cell is an empty list; a cell that
     * is not a list is one item.
     *
     * @throws IllegalArgumentException if the cell starts as a list but cannot be read as one
     */
    public static List<String> pythonList(String cell) {
        List<String> items = new ArrayList<>();
        if (cell == null || cell.isBlank()) {
            return items;
        }
        String text = cell.strip();
        if (!text.startsWith("[")) {
            items.add(text);
            return items;
        }
        Reader reader = new Reader(text);
        reader.list(items);
        reader.skipSpace();
        if (!reader.atEnd()) {
            throw reader.error("unexpected text after the list");
        }
        return items;
    }

    /** The values of a {@code "; "}-joined cell, trimmed, empty positions kept; an empty cell is an empty list. */
    public static List<String> semicolonList(String cell) {
        List<String> values = new ArrayList<>();
        if (cell == null || cell.isBlank()) {
            return values;
        }
        for (String value : cell.split(";", -1)) {
            values.add(value.strip());
        }
        return values;
    }

    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        void list(List<String> items) {
            expect('[');
            skipSpace();
            if (peek() == ']') {
                at++;
                return;
            }
            while (true) {
                skipSpace();
                char c = peek();
                if (c == '[') {
                    list(items);
                } else if (c == '\'' || c == '"') {
                    items.add(quoted());
                } else {
                    String bare = bare();
                    if (bare.isEmpty()) {
                        throw error("expected a value");
                    }
                    items.add(bare);
                }
                skipSpace();
                char next = peek();
                at++;
                if (next == ']') {
                    return;
                }
                if (next != ',') {
                    throw error("expected ',' or ']'");
                }
                skipSpace();
                if (peek() == ']') { // trailing comma, as Python allows
                    at++;
                    return;
                }
            }
        }

        private String quoted() {
            char quote = text.charAt(at++);
            StringBuilder out = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(at++);
                if (c == quote) {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (atEnd()) {
                    throw error("unterminated escape");
                }
                char e = text.charAt(at++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'x' -> out.append((char) hex(2));
                    case 'u' -> out.append((char) hex(4));
                    case 'U' -> out.appendCodePoint(hex(8));
                    case '\\', '\'', '"' -> out.append(e);
                    default -> out.append('\\').append(e); // Python keeps unknown escapes as written
                }
            }
        }

        private int hex(int digits) {
            if (at + digits > text.length()) {
                throw error("truncated escape");
            }
            try {
                int value = Integer.parseInt(text.substring(at, at + digits), 16);
                at += digits;
                return value;
            } catch (NumberFormatException e) {
                throw error("bad escape");
            }
        }

        private String bare() {
            int start = at;
            while (!atEnd() && peek() != ',' && peek() != ']' && peek() != '[') {
                at++;
            }
            return text.substring(start, at).strip();
        }

        void skipSpace() {
            while (!atEnd() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        boolean atEnd() {
            return at >= text.length();
        }

        private char peek() {
            if (atEnd()) {
                throw error("unexpected end of the list");
            }
            return text.charAt(at);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            at++;
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException("not a readable list (" + message + " at character " + (at + 1) + ")");
        }
    }
}
