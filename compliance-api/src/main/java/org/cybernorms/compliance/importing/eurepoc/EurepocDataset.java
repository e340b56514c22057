package org.cybernorms.compliance.importing.eurepoc;

import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.violation.api.ViolationId;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The dataset this import reads, and the identity it gives to what it imports. */
public final class EurepocDataset {

    public static final String NAME = "EuRepoC Global Database";
    public static final String VERSION = "1.1";
    /** The reporting body of every imported violation report. */
    public static final String REPORTING_BODY = NAME + " " + VERSION;

    private EurepocDataset() {
    }

    /**
     * The id of the violation report for one state attributed in one incident: a name-based (version 3) UUID of
     * {@code "EuRepoC Global Database|1.1|<incident ID>|<alpha-3>"}. The same row imported again gives the same id,
     * so the import is idempotent. A later version of the dataset gives other ids.
     */
    public static ViolationId violationId(String incidentId, StateCode state) {
        String name = NAME + "|" + VERSION + "|" + incidentId + "|" + state.value();
        return new ViolationId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    }
}
