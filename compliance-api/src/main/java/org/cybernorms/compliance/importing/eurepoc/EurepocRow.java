package org.cybernorms.compliance.importing.eurepoc;

/** One data row of the file: either its incident, or why it could not be read as one. */
public sealed interface EurepocRow {

    long row();

    String incidentId();

    record Readable(EurepocIncident incident) implements EurepocRow {
        @Override
        public long row() {
            return incident.row();
        }

        @Override
        public String incidentId() {
            return incident.incidentId();
        }
    }

    /** A row that is not a row of this format: wrong number of cells, no ID, or a list cell that cannot be read. */
    record Unreadable(long row, String incidentId, String reason) implements EurepocRow {
    }
}
