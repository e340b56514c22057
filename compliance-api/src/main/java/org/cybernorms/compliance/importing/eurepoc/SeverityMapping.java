package org.cybernorms.compliance.importing.eurepoc;

import org.cybernorms.compliance.violation.api.Severity;

/**
 * Maps EuRepoC's {@code weighted_cyber_intensity} (the intensity points of the incident's disruption, data theft,
 * hijacking and physical effects, times 1.5 for targets of very high political importance) to a severity. The
 * thresholds follow the column's distribution in the Global Database 1.1 (1,642 valued rows): half the incidents
 * score at most 1, nine in ten below 4, one in a hundred 6 or more.
 * <ul>
 *   <li>below 2 (0 and 1, 50% of rows): LOW</li>
 *   <li>2 up to below 4 (2 and 3, 39%): MEDIUM</li>
 *   <li>4 up to below 6 (4 and 5, 10%): HIGH</li>
 *   <li>6 or more (0.9%): CRITICAL</li>
 * </ul>
 * An empty or unreadable value gives LOW: no evidence of gravity is no evidence of gravity.
 */
public final class SeverityMapping {

    public static final double MEDIUM_FROM = 2.0;
    public static final double HIGH_FROM = 4.0;
    public static final double CRITICAL_FROM = 6.0;

    private SeverityMapping() {
    }

    public static Severity of(String weightedCyberIntensity) {
        double intensity;
        try {
            intensity = weightedCyberIntensity == null ? Double.NaN : Double.parseDouble(weightedCyberIntensity.strip());
        } catch (NumberFormatException e) {
            intensity = Double.NaN;
        }
        if (Double.isNaN(intensity) || intensity < MEDIUM_FROM) {
            return Severity.LOW;
        }
        if (intensity < HIGH_FROM) {
            return Severity.MEDIUM;
        }
        if (intensity < CRITICAL_FROM) {
            return Severity.HIGH;
        }
        return Severity.CRITICAL;
    }
}
