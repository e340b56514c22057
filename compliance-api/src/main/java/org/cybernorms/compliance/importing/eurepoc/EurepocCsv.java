package org.cybernorms.compliance.importing.eurepoc;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads a file in the format of the EuRepoC Global Database 1.1 (RFC 4180 CSV with a header row, UTF-8) into rows.
 * The whole file is read before anything is imported, so a file that is not of this format (a required column
 * missing, a broken quote) is refused as a whole and nothing is recorded; a single row that cannot be read becomes an
 * {@link EurepocRow.Unreadable} row and the others go on.
 */
public final class EurepocCsv {

    public static final String ID = "ID";
    public static final String NAME = "name";
    public static final String DESCRIPTION = "description";
    public static final String START_DATE = "start_date";
    public static final String RECEIVER_CATEGORY = "receiver_category";
    public static final String RECEIVER_CATEGORY_SUBCODE = "receiver_category_subcode";
    public static final String ATTRIBUTED_INITIATOR_COUNTRY = "attributed_initiator_country";
    public static final String ATTRIBUTED_INITIATOR_CATEGORY = "attributed_initiator_category";
    public static final String ATTRIBUTION_DATE = "attribution_date";
    public static final String ATTRIBUTION_BASIS = "attribution_basis";
    public static final String IL_BREACH_INDICATOR = "IL_breach_indicator";
    public static final String MITRE_INITIAL_ACCESS = "MITRE_initial_access";
    public static final String WEIGHTED_CYBER_INTENSITY = "weighted_cyber_intensity";
    public static final String SOURCES_URL = "sources_url";

    /** The columns the import reads; the real file has 81, the others are ignored. */
    public static final List<String> REQUIRED_COLUMNS = List.of(ID, NAME, DESCRIPTION, START_DATE,
            RECEIVER_CATEGORY, RECEIVER_CATEGORY_SUBCODE, ATTRIBUTED_INITIATOR_COUNTRY, ATTRIBUTED_INITIATOR_CATEGORY,
            ATTRIBUTION_DATE, ATTRIBUTION_BASIS, IL_BREACH_INDICATOR, MITRE_INITIAL_ACCESS, WEIGHTED_CYBER_INTENSITY,
            SOURCES_URL);

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .get();

    private EurepocCsv() {
    }

    /** Reads every row; the reader is consumed but not closed. */
    public static List<EurepocRow> read(Reader source) {
        BufferedReader reader = withoutByteOrderMark(source);
        List<EurepocRow> rows = new ArrayList<>();
        CSVParser parser;
        try {
            parser = CSVParser.parse(reader, FORMAT);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new EurepocFormatException(List.of("the header row cannot be read: " + message(e)));
        }
        if (parser.getHeaderMap() == null || parser.getHeaderMap().isEmpty()) {
            throw new EurepocFormatException(List.of("the body is empty: expected a header row and incident rows"));
        }
        List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new EurepocFormatException(missing.stream()
                    .map(c -> "missing column '" + c + "' of the EuRepoC Global Database format").toList());
        }
        Iterator<CSVRecord> records = parser.iterator();
        long row = 0;
        while (true) {
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    break;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new EurepocFormatException(List.of("the CSV breaks after data row " + row + " (line "
                        + parser.getCurrentLineNumber() + "): " + message(e)));
            }
            row++;
            rows.add(toRow(row, record));
        }
        return rows;
    }

    static EurepocRow toRow(long row, CSVRecord record) {
        String incidentId = record.isSet(ID) ? record.get(ID).strip() : "";
        if (!record.isConsistent()) {
            return new EurepocRow.Unreadable(row, incidentId, "the row has " + record.size() + " cells, the header "
                    + record.getParser().getHeaderNames().size());
        }
        if (incidentId.isEmpty()) {
            return new EurepocRow.Unreadable(row, incidentId, "the row has no ID");
        }
        String column = null;
        try {
            column = RECEIVER_CATEGORY;
            List<String> receiverCategories = Cells.pythonList(record.get(RECEIVER_CATEGORY));
            column = RECEIVER_CATEGORY_SUBCODE;
            List<String> receiverSubcategories = Cells.pythonList(record.get(RECEIVER_CATEGORY_SUBCODE));
            column = SOURCES_URL;
            List<String> sources = Cells.pythonList(record.get(SOURCES_URL));
            return new EurepocRow.Readable(new EurepocIncident(row, incidentId,
                    record.get(NAME).strip(), record.get(DESCRIPTION).strip(), record.get(START_DATE).strip(),
                    receiverCategories, receiverSubcategories,
                    Cells.semicolonList(record.get(ATTRIBUTED_INITIATOR_COUNTRY)),
                    Cells.semicolonList(record.get(ATTRIBUTED_INITIATOR_CATEGORY)),
                    Cells.semicolonList(record.get(ATTRIBUTION_DATE)),
                    Cells.semicolonList(record.get(ATTRIBUTION_BASIS)),
                    Cells.semicolonList(record.get(IL_BREACH_INDICATOR)),
                    Cells.semicolonList(record.get(MITRE_INITIAL_ACCESS)),
                    record.get(WEIGHTED_CYBER_INTENSITY).strip(), sources));
        } catch (IllegalArgumentException e) {
            return new EurepocRow.Unreadable(row, incidentId, "column " + column + ": " + e.getMessage());
        }
    }

    private static BufferedReader withoutByteOrderMark(Reader source) {
        BufferedReader reader = source instanceof BufferedReader b ? b : new BufferedReader(source);
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reader;
    }

    private static String message(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
