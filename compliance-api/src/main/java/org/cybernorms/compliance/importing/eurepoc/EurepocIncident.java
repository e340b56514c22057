package org.cybernorms.compliance.importing.eurepoc;

import java.util.List;

/**
 * The columns of one row of the EuRepoC Global Database that the import uses, read but not yet interpreted. The
 * attribution columns are {@code "; "}-joined, one position per attribution claim; the receiver and source columns
 * are Python-style lists, flattened.
 *
 * @param row                      1-based number of the data row in the file (the header is row 0)
 * @param incidentId               {@code ID}
 * @param startDate                {@code start_date}, as written
 * @param attributedCountries      {@code attributed_initiator_country}, one per claim
 * @param attributedCategories     {@code attributed_initiator_category}, one per claim
 * @param attributionDates         {@code attribution_date}, one per claim, as written
 * @param attributionBases         {@code attribution_basis}, one per claim
 * @param weightedCyberIntensity   {@code weighted_cyber_intensity}, as written
 * @param sourceUrls               {@code sources_url}, as listed (not yet checked)
 */
public record EurepocIncident(long row, String incidentId, String name, String description, String startDate,
                              List<String> receiverCategories,
                              List<String> receiverSubcategories, List<String> attributedCountries,
                              List<String> attributedCategories, List<String> attributionDates,
                              List<String> attributionBases, List<String> internationalLawBreaches,
                              List<String> initialAccess, String weightedCyberIntensity, List<String> sourceUrls) {

    public EurepocIncident {
        receiverCategories = List.copyOf(receiverCategories);
        receiverSubcategories = List.copyOf(receiverSubcategories);
        attributedCountries = List.copyOf(attributedCountries);
        attributedCategories = List.copyOf(attributedCategories);
        attributionDates = List.copyOf(attributionDates);
        attributionBases = List.copyOf(attributionBases);
        internationalLawBreaches = List.copyOf(internationalLawBreaches);
        initialAccess = List.copyOf(initialAccess);
        sourceUrls = List.copyOf(sourceUrls);
    }
}
