package org.cybernorms.compliance.importing;

import com.neovisionaries.i18n.CountryCode;
import org.cybernorms.compliance.shared.StateCode;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves a country's English name to its ISO 3166-1 alpha-3 code, from two maintained sources and nothing
 * hand-written:
 * <ol>
 *   <li>the ISO 3166 short names of nv-i18n ({@link CountryCode#getName()}, officially assigned codes only), which
 *       has the ISO forms datasets use, such as "Korea, Democratic People's Republic of" or "Iran, Islamic Republic
 *       of";</li>
 *   <li>the JDK's English display names of the ISO countries ({@link Locale#getDisplayCountry(Locale)}, from CLDR),
 *       which has the common forms, such as "Russia", "Syria", "Vietnam" or "Taiwan".</li>
 * </ol>
 * A name also resolves by the part of such a name before its comma or parenthesis ("Palestine, State of" gives
 * "Palestine", "Myanmar (Burma)" gives "Myanmar"), when that part names one country only ("Korea" does not).
 * Matching ignores case, accents, apostrophe style and spacing. A name that two sources give to different codes is
 * not resolved at all. Only codes that {@link StateCode} accepts are answered. A name not known is not guessed.
 */
public final class CountryNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final CountryNames DEFAULT = new CountryNames();

    private final Map<String, String> codes;

    private CountryNames() {
        Map<String, String> exact = new HashMap<>();
        Set<String> conflicting = new HashSet<>();
        for (CountryCode country : CountryCode.values()) {
            if (country.getAssignment() == CountryCode.Assignment.OFFICIALLY_ASSIGNED && country.getAlpha3() != null) {
                add(exact, conflicting, country.getName(), country.getAlpha3());
            }
        }
        for (String alpha2 : Locale.getISOCountries()) {
            Locale locale = new Locale("", alpha2);
            try {
                add(exact, conflicting, locale.getDisplayCountry(Locale.ENGLISH), locale.getISO3Country());
            } catch (MissingResourceException e) {
                // no alpha-3 code for this entry: nothing to add
            }
        }
        conflicting.forEach(exact::remove);

        Map<String, String> shortForms = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (Map.Entry<String, String> entry : exact.entrySet()) {
            String base = baseOf(entry.getKey());
            if (base != null && !exact.containsKey(base)) {
                add(shortForms, ambiguous, base, entry.getValue());
            }
        }
        ambiguous.forEach(shortForms::remove);

        Map<String, String> all = new HashMap<>(shortForms);
        all.putAll(exact);
        all.values().removeIf(code -> !StateCode.isAssigned(code));
        this.codes = Map.copyOf(all);
    }

    public static CountryNames standard() {
        return DEFAULT;
    }

    /** The state that this English name denotes, if the sources know the name. */
    public Optional<StateCode> resolve(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(codes.get(normalise(name))).map(StateCode::of);
    }

    private static void add(Map<String, String> names, Set<String> conflicting, String name, String code) {
        if (name == null || name.isBlank() || code == null || code.isBlank()) {
            return;
        }
        String key = normalise(name);
        String previous = names.putIfAbsent(key, code.toUpperCase(Locale.ROOT));
        if (previous != null && !previous.equalsIgnoreCase(code)) {
            conflicting.add(key);
        }
    }

    /** "palestine, state of" → "palestine"; "myanmar (burma)" → "myanmar"; null if the name has no such part. */
    private static String baseOf(String normalisedName) {
        int cut = -1;
        int comma = normalisedName.indexOf(',');
        int paren = normalisedName.indexOf('(');
        if (comma > 0) {
            cut = comma;
        }
        if (paren > 0 && (cut < 0 || paren < cut)) {
            cut = paren;
        }
        if (cut < 0) {
            return null;
        }
        String base = normalisedName.substring(0, cut).strip();
        return base.isEmpty() ? null : base;
    }

    static String normalise(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        String plain = MARKS.matcher(decomposed).replaceAll("")
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('`', '\'');
        return SPACES.matcher(plain.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
