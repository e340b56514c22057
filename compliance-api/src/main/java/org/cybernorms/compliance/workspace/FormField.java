package org.cybernorms.compliance.workspace;

import java.util.List;

/**
 * One field of a workspace form. {@code name} is the API's own name for it (a JSON member, a path variable or a
 * query parameter), so that the API's error for a field lands next to that field.
 */
public record FormField(String name, String label, String hint, Kind kind, Target target, List<String> options) {

    /** How the field is shown, and how its text becomes JSON. */
    public enum Kind {
        TEXT, TEXTAREA, DATE, SELECT,
        /** A whole number, sent as a JSON number (text that is not one is sent as it is, for the API to refuse). */
        NUMBER,
        /** One value per line, sent as a JSON array of strings. */
        LINES,
        /** One norm per line, {@code code | title | summary}, sent as an array of objects. */
        NORM_LINES,
        /** A file, sent as the body itself; {@code options} are its media type and the input's {@code accept}. */
        FILE,
        /** A yes/no choice, sent as {@code true} or {@code false}. */
        CHECKBOX,
        /** A value the page sets (the record's id), sent but not shown. */
        HIDDEN
    }

    /** Where the value goes in the API call. */
    public enum Target { BODY, PATH, QUERY }

    static FormField text(String name, String label, String hint) {
        return new FormField(name, label, hint, Kind.TEXT, Target.BODY, List.of());
    }

    static FormField area(String name, String label, String hint) {
        return new FormField(name, label, hint, Kind.TEXTAREA, Target.BODY, List.of());
    }

    static FormField date(String name, String label) {
        return new FormField(name, label, "yyyy-MM-dd", Kind.DATE, Target.BODY, List.of());
    }

    static FormField choice(String name, String label, String hint, List<String> options) {
        return new FormField(name, label, hint, Kind.SELECT, Target.BODY, options);
    }

    static FormField number(String name, String label, String hint) {
        return new FormField(name, label, hint, Kind.NUMBER, Target.BODY, List.of());
    }

    /** A yes/no member of the body: {@code true} when ticked, left out when not. */
    static FormField flag(String name, String label, String hint) {
        return new FormField(name, label, hint, Kind.CHECKBOX, Target.BODY, List.of());
    }

    static FormField lines(String name, String label, String hint) {
        return new FormField(name, label, hint, Kind.LINES, Target.BODY, List.of());
    }

    /** A path variable the page fills in (the record's id). */
    static FormField id(String name) {
        return new FormField(name, name, null, Kind.HIDDEN, Target.PATH, List.of());
    }

    /** A path variable the user types (a state's code, an instrument's id). */
    static FormField pathText(String name, String label, String hint) {
        return new FormField(name, label, hint, Kind.TEXT, Target.PATH, List.of());
    }

    /** For a file: the media type it is sent as. */
    String mediaType() {
        return options.isEmpty() ? "application/octet-stream" : options.get(0);
    }

    /** For a file: the file types the browser offers to choose. */
    public String accept() {
        return options.size() < 2 ? "" : options.get(1);
    }

    public boolean hidden() {
        return kind == Kind.HIDDEN;
    }

    public String inputType() {
        return switch (kind) {
            case DATE -> "date";
            case FILE -> "file";
            case CHECKBOX -> "checkbox";
            case HIDDEN -> "hidden";
            default -> "text";
        };
    }
}
