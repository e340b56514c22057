package org.cybernorms.compliance.importing;

/**
 * Metadata keys that record where an imported fact came from. They travel on the command's metadata and, through
 * the correlation data provider of {@code runtime.CorrelationConfiguration}, land on every event the command stores.
 */
public final class Provenance {

    /** Every key starts with this; the correlation data provider copies exactly these keys. */
    public static final String PREFIX = "provenance.";

    public static final String DATASET = PREFIX + "dataset";
    public static final String DATASET_VERSION = PREFIX + "datasetVersion";
    public static final String INCIDENT_ID = PREFIX + "incidentId";
    /** The incident's source URLs, as the dataset lists them (a list of strings). */
    public static final String SOURCE_URLS = PREFIX + "sourceUrls";
    /** The attributed country as the dataset names it. */
    public static final String COUNTRY_NAME = PREFIX + "countryName";
    /** The rule that chose the norm, in words. */
    public static final String NORM_RULE = PREFIX + "normRule";
    /** The dataset's intensity value that gave the severity, as written. */
    public static final String INTENSITY = PREFIX + "weightedCyberIntensity";
    /** The id of the import run that recorded the fact. */
    public static final String IMPORT_ID = PREFIX + "importId";

    private Provenance() {
    }
}
