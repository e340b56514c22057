package org.cybernorms.compliance.http;

/** Documented size limits of request fields (see docs/api.md). */
public final class Limits {

    /** Titles and other one-line texts. */
    public static final int TITLE = 500;
    /** Statements, descriptions, findings, notes, reasons and replies. */
    public static final int TEXT = 20_000;
    /** Evidence links per report. */
    public static final int EVIDENCE_LINKS = 100;
    /** Characters per evidence link. */
    public static final int URL = 2_048;
    /** Identifiers in bodies: state codes, instrument ids, norm codes. */
    public static final int CODE = 64;

    private Limits() {
    }
}
