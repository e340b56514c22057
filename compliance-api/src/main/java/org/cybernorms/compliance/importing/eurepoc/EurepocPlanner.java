package org.cybernorms.compliance.importing.eurepoc;

import org.cybernorms.compliance.http.Limits;
import org.cybernorms.compliance.importing.CountryNames;
import org.cybernorms.compliance.importing.Provenance;
import org.cybernorms.compliance.importing.RowOutcome;
import org.cybernorms.compliance.instrument.NormCatalog;
import org.cybernorms.compliance.instrument.NormStanding;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.shared.WebAddress;
import org.cybernorms.compliance.violation.api.Severity;
import org.cybernorms.compliance.violation.api.ViolationCommands.ReportViolation;
import org.cybernorms.compliance.violation.api.ViolationId;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides, without recording anything, what one EuRepoC incident becomes: the violation reports to record (one per
 * distinct state that an attribution of category "State" names), or the reason it is skipped. Pure: the norm catalog
 * and today's date are given. The rules are documented in docs/import-eurepoc.md.
 */
public final class EurepocPlanner {

    public static final InstrumentId INSTRUMENT = InstrumentId.UN_GGE_2015;

    static final String STATE = "state";
    static final String STATE_AFFILIATED = "non-state actor, state-affiliation suggested";
    /** Values that stand for "nothing known" in the attribution columns. */
    static final Set<String> PLACEHOLDERS = Set.of("", "unknown", "unknown - not attributed", "not available", "none",
            "nan", "n/a", "nat");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern LINK_SEPARATORS = Pattern.compile("[\\s\\u00a0\\u200b]+");

    private final CountryNames countries;
    private final NormCatalog catalog;
    private final LocalDate today;

    public EurepocPlanner(CountryNames countries, NormCatalog catalog, LocalDate today) {
        this.countries = countries;
        this.catalog = catalog;
        this.today = today;
    }

    /** What a row becomes. */
    public sealed interface Plan {
    }

    /** The row is skipped; {@code unresolvedCountries} are state names nobody knows (for the report). */
    public record Skip(RowOutcome reason, String detail, List<String> unresolvedCountries) implements Plan {
        public Skip(RowOutcome reason, String detail) {
            this(reason, detail, List.of());
        }
    }

    /** Reports to record, one per state; {@code evidenceLinksDropped} counts source links that are not evidence. */
    public record Create(List<PlannedViolation> violations, List<String> unresolvedCountries,
                         int evidenceLinksDropped) implements Plan {
    }

    /**
     * One report to record. {@code decidedOn} is the date of review and of confirmation when the import confirms;
     * {@code provenance} is the metadata of its commands.
     */
    public record PlannedViolation(ViolationId violationId, StateCode state, String countryName,
                                   ReportViolation report, LocalDate decidedOn, String finding,
                                   Map<String, Object> provenance) {
    }

    public Plan plan(EurepocRow row) {
        if (row instanceof EurepocRow.Unreadable unreadable) {
            return new Skip(RowOutcome.MALFORMED_ROW, unreadable.reason());
        }
        return plan(((EurepocRow.Readable) row).incident());
    }

    public Plan plan(EurepocIncident incident) {
        List<String> categories = incident.attributedCategories();
        List<String> names = incident.attributedCountries();
        if (categories.stream().allMatch(EurepocPlanner::isPlaceholder)) {
            return new Skip(RowOutcome.NO_ATTRIBUTION, "no attribution names an initiator");
        }
        if (categories.stream().noneMatch(c -> is(c, STATE))) {
            return categories.stream().anyMatch(c -> is(c, STATE_AFFILIATED))
                    ? new Skip(RowOutcome.STATE_AFFILIATION_ONLY,
                    "attributed to non-state actors with a suggested state affiliation, not to a state")
                    : new Skip(RowOutcome.NON_STATE_INITIATOR, "attributed to non-state actors only");
        }

        // The claims that attribute the incident to a state: positions pair up across the attribution columns.
        List<Integer> stateClaims = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            if (is(categories.get(i), STATE)) {
                stateClaims.add(i);
            }
        }
        List<String> stateNames = new ArrayList<>();
        if (names.size() == categories.size()) {
            stateClaims.forEach(i -> stateNames.add(names.get(i)));
        } else if (names.stream().allMatch(EurepocPlanner::isPlaceholder)) {
            return new Skip(RowOutcome.NO_STATE_NAMED, "the attribution to a state names no country");
        } else if (categories.stream().filter(c -> !isPlaceholder(c)).allMatch(c -> is(c, STATE))) {
            stateNames.addAll(names); // every claim is a state's: the names need no pairing
        } else {
            return new Skip(RowOutcome.MALFORMED_ROW, "attributed_initiator_country has " + names.size()
                    + " values and attributed_initiator_category " + categories.size() + ": they do not pair up");
        }

        Map<StateCode, String> states = new LinkedHashMap<>();
        Map<StateCode, List<Integer>> claimsOf = new LinkedHashMap<>();
        Set<String> unresolved = new LinkedHashSet<>();
        boolean paired = names.size() == categories.size();
        for (int k = 0; k < stateNames.size(); k++) {
            String name = stateNames.get(k);
            if (isPlaceholder(name)) {
                continue;
            }
            var state = countries.resolve(name);
            if (state.isEmpty()) {
                unresolved.add(name.strip());
                continue;
            }
            states.putIfAbsent(state.get(), name.strip());
            if (paired) {
                claimsOf.computeIfAbsent(state.get(), s -> new ArrayList<>()).add(stateClaims.get(k));
            }
        }
        List<String> unknown = List.copyOf(unresolved);
        if (states.isEmpty()) {
            return unknown.isEmpty()
                    ? new Skip(RowOutcome.NO_STATE_NAMED, "the attribution to a state names no country")
                    : new Skip(RowOutcome.UNKNOWN_COUNTRY, "no country known by the name " + quoted(unknown), unknown);
        }

        LocalDate occurredOn = date(incident.startDate());
        if (occurredOn == null) {
            return new Skip(RowOutcome.INVALID_DATE, "start_date '" + incident.startDate() + "' is not a date");
        }
        if (occurredOn.isAfter(today)) {
            return new Skip(RowOutcome.INVALID_DATE, "start_date " + occurredOn + " is in the future");
        }
        NormMapping.Choice norm = NormMapping.choose(incident);
        NormStanding standing = catalog.standing(INSTRUMENT, norm.norm(), occurredOn);
        if (standing != NormStanding.IN_FORCE) {
            return new Skip(RowOutcome.NORM_NOT_IN_FORCE, "norm " + norm.norm() + " of " + INSTRUMENT + ": "
                    + standing.reason() + " (start_date " + occurredOn + ")");
        }
        Severity severity = SeverityMapping.of(incident.weightedCyberIntensity());
        Evidence evidence = evidence(incident.sourceUrls());
        String summary = summary(incident);

        List<PlannedViolation> violations = new ArrayList<>();
        for (Map.Entry<StateCode, String> entry : states.entrySet()) {
            StateCode state = entry.getKey();
            List<Integer> claims = paired ? claimsOf.get(state) : stateClaims;
            LocalDate attributedOn = earliestAttribution(incident, claims);
            LocalDate decidedOn = attributedOn == null || attributedOn.isBefore(occurredOn) ? occurredOn : attributedOn;
            if (decidedOn.isAfter(today)) {
                return new Skip(RowOutcome.INVALID_DATE, "attribution_date " + decidedOn + " is in the future");
            }
            ViolationId id = EurepocDataset.violationId(incident.incidentId(), state);
            ReportViolation report = new ReportViolation(id, state, INSTRUMENT, norm.norm(), occurredOn, decidedOn,
                    severity, summary, evidence.links(), EurepocDataset.REPORTING_BODY);
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put(Provenance.DATASET, EurepocDataset.NAME);
            provenance.put(Provenance.DATASET_VERSION, EurepocDataset.VERSION);
            provenance.put(Provenance.INCIDENT_ID, incident.incidentId());
            provenance.put(Provenance.SOURCE_URLS, incident.sourceUrls());
            provenance.put(Provenance.COUNTRY_NAME, entry.getValue());
            provenance.put(Provenance.NORM_RULE, norm.rule());
            provenance.put(Provenance.INTENSITY, incident.weightedCyberIntensity());
            violations.add(new PlannedViolation(id, state, entry.getValue(), report, decidedOn,
                    finding(incident, state, entry.getValue(), claims), provenance));
        }
        return new Create(violations, unknown, evidence.dropped());
    }

    private record Evidence(List<String> links, int dropped) {
    }

    /**
     * The incident's source links that can be evidence: absolute http(s) URLs of at most 2,048 characters, at most
     * 100, duplicates once. A listed item holding several links joined by (non-breaking) spaces is split.
     */
    static Evidence evidence(List<String> sources) {
        Set<String> kept = new LinkedHashSet<>();
        int dropped = 0;
        for (String item : sources) {
            for (String token : links(item)) {
                if (token.isEmpty() || kept.contains(token)) {
                    continue;
                }
                if (WebAddress.isValid(token) && token.length() <= Limits.URL
                        && kept.size() < Limits.EVIDENCE_LINKS) {
                    kept.add(token);
                } else {
                    dropped++;
                }
            }
        }
        return new Evidence(List.copyOf(kept), dropped);
    }

    /** An item that holds several links joined by (non-breaking) spaces gives each; any other item is one. */
    private static List<String> links(String item) {
        String[] tokens = LINK_SEPARATORS.split(item.strip());
        long links = Arrays.stream(tokens)
                .filter(t -> t.regionMatches(true, 0, "http://", 0, 7) || t.regionMatches(true, 0, "https://", 0, 8))
                .count();
        return links >= 2 ? List.of(tokens) : List.of(item.strip());
    }

    static String summary(EurepocIncident incident) {
        String name = incident.name().isBlank() ? "EuRepoC incident " + incident.incidentId() : incident.name();
        String text = incident.description().isBlank() ? name : name + ": " + incident.description();
        return text.length() <= Limits.TEXT ? text : text.substring(0, Limits.TEXT - 1) + "\u2026";
    }

    private static String finding(EurepocIncident incident, StateCode state, String countryName,
                                  List<Integer> claims) {
        Set<String> bases = new LinkedHashSet<>();
        List<String> all = incident.attributionBases();
        boolean paired = all.size() == incident.attributedCategories().size();
        for (int i = 0; i < all.size(); i++) {
            if ((!paired || claims.contains(i)) && !isPlaceholder(all.get(i))) {
                bases.add(all.get(i));
            }
        }
        String basis = bases.isEmpty() ? "" : ", on the basis: " + String.join("; ", bases);
        return "Attributed to " + countryName + " (" + state + ") in the " + EurepocDataset.REPORTING_BODY
                + ", incident " + incident.incidentId() + basis
                + ". Confirmed on import by a monitoring body that trusts this dataset.";
    }

    /** The earliest readable attribution date of the given claims (of every claim if the dates do not pair up). */
    private static LocalDate earliestAttribution(EurepocIncident incident, List<Integer> claims) {
        List<String> dates = incident.attributionDates();
        boolean paired = dates.size() == incident.attributedCategories().size();
        LocalDate earliest = null;
        for (int i = 0; i < dates.size(); i++) {
            if (paired && !claims.contains(i)) {
                continue;
            }
            LocalDate date = date(dates.get(i));
            if (date != null && (earliest == null || date.isBefore(earliest))) {
                earliest = date;
            }
        }
        return earliest;
    }

    /** {@code 2021-03-04} or {@code 2021-03-04 00:00:00}; null if neither. */
    static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        if (text.length() < 10 || !DATE.matcher(text.substring(0, 10)).matches()
                || (text.length() > 10 && text.charAt(10) != ' ' && text.charAt(10) != 'T')) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static boolean isPlaceholder(String value) {
        return value == null || PLACEHOLDERS.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    private static boolean is(String value, String wanted) {
        return value != null && value.strip().toLowerCase(Locale.ROOT).equals(wanted);
    }

    private static String quoted(List<String> names) {
        return "'" + String.join("', '", names) + "'";
    }
}
