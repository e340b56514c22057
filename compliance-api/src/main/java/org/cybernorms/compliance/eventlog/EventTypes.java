package org.cybernorms.compliance.eventlog;

import org.axonframework.serialization.Revision;
import org.cybernorms.compliance.assistance.api.AssistanceEvents;
import org.cybernorms.compliance.assistance.api.OrganisationEvents;
import org.cybernorms.compliance.commitment.api.CommitmentEvents;
import org.cybernorms.compliance.crosswalk.api.CrosswalkEvents;
import org.cybernorms.compliance.instrument.api.InstrumentEvents;
import org.cybernorms.compliance.participation.api.OrganisationParticipationEvents;
import org.cybernorms.compliance.participation.api.ParticipationEvents;
import org.cybernorms.compliance.violation.api.ViolationEvents;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stable names of the event types in the log. An event class {@code org.cybernorms.compliance.<feature>.api
 * .<Feature>Events$<Name>} at revision {@code n} is named {@code org.cybernorms.compliance.<feature>.<Name>.v<n>}:
 * reverse-DNS, independent of the Java nesting, and carrying the revision of the payload's schema. A name with an
 * older revision still resolves to its class (the upcasters turn the payload into the current revision when read).
 */
public final class EventTypes {

    /** One event class with its stable name (without revision) and its current revision. */
    public record Known(Class<?> type, String name, int revision) {

        /** The full type name at the current revision, such as {@code org.cybernorms.compliance.commitment.CommitmentMade.v1}. */
        public String fullName() {
            return name + ".v" + revision;
        }

        public String shortName() {
            return type.getSimpleName();
        }
    }

    /** A type name read from a log line: the class and the revision its payload was written in. */
    public record Resolved(Known known, String revision) {
    }

    private static final Pattern VERSIONED = Pattern.compile("(.+)\\.v([1-9][0-9]{0,8})");
    private static final Map<Class<?>, Known> BY_CLASS;
    private static final Map<String, Known> BY_NAME;

    static {
        Map<Class<?>, Known> byClass = new LinkedHashMap<>();
        Map<String, Known> byName = new LinkedHashMap<>();
        for (Class<?> family : List.of(InstrumentEvents.class, ParticipationEvents.class, CommitmentEvents.class,
                ViolationEvents.class, CrosswalkEvents.class, OrganisationParticipationEvents.class,
                AssistanceEvents.class, OrganisationEvents.class)) {
            String feature = family.getPackageName().replaceFirst("\\.api$", "");
            for (Class<?> type : events(family)) {
                Revision revision = type.getAnnotation(Revision.class);
                if (revision == null) {
                    throw new IllegalStateException(type + " has no @Revision");
                }
                Known known = new Known(type, feature + "." + type.getSimpleName(),
                        Integer.parseInt(revision.value()));
                byClass.put(type, known);
                byName.put(known.name(), known);
            }
        }
        BY_CLASS = Collections.unmodifiableMap(byClass);
        BY_NAME = Collections.unmodifiableMap(byName);
    }

    private EventTypes() {
    }

    /** The event records of a sealed family, also those of its nested sealed families (an offer's events). */
    private static List<Class<?>> events(Class<?> family) {
        List<Class<?>> events = new java.util.ArrayList<>();
        for (Class<?> type : family.getPermittedSubclasses()) {
            if (type.isInterface()) {
                events.addAll(events(type));
            } else {
                events.add(type);
            }
        }
        return events;
    }

    /** Every event type of the log. */
    public static List<Known> all() {
        return List.copyOf(BY_CLASS.values());
    }

    public static Optional<Known> of(Class<?> type) {
        return Optional.ofNullable(BY_CLASS.get(type));
    }

    /**
     * Reads a full type name such as {@code org.cybernorms.compliance.violation.ViolationReported.v1}; empty if the
     * name is unknown or its revision is newer than the tracker knows.
     */
    public static Optional<Resolved> resolve(String fullName) {
        if (fullName == null) {
            return Optional.empty();
        }
        Matcher m = VERSIONED.matcher(fullName);
        if (!m.matches()) {
            return Optional.empty();
        }
        Known known = BY_NAME.get(m.group(1));
        int revision = Integer.parseInt(m.group(2));
        if (known == null || revision > known.revision()) {
            return Optional.empty();
        }
        return Optional.of(new Resolved(known, String.valueOf(revision)));
    }

    /**
     * Whether a {@code type} filter names this type: its short name ({@code CommitmentMade}), its stable name
     * without revision ({@code org.cybernorms.compliance.commitment.CommitmentMade}) or its full name at the current
     * revision ({@code ...CommitmentMade.v1}). Case-sensitive.
     */
    public static boolean matches(String filter, Known known) {
        return filter.equals(known.shortName()) || filter.equals(known.name()) || filter.equals(known.fullName());
    }

    /** Whether a {@code type} filter names any known type. */
    public static boolean isKnownFilter(String filter) {
        return BY_CLASS.values().stream().anyMatch(k -> matches(filter, k));
    }
}
