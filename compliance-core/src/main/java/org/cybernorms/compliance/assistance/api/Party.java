package org.cybernorms.compliance.assistance.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.cybernorms.compliance.shared.StateCode;

/**
 * Who takes part in assistance: a {@link State state} or a registered {@link Organisation organisation}. Written as
 * one plain string: a state as its ISO 3166-1 alpha-3 code ({@code "FRA"}), an organisation as {@code org:} followed
 * by its id ({@code "org:itu"}). The two forms cannot be confused: a state code never contains a colon.
 *
 * <p>Parties order states before organisations, each by code.
 */
public sealed interface Party extends Comparable<Party> permits Party.State, Party.Organisation {

    /** The prefix of an organisation party. */
    String ORGANISATION_PREFIX = "org:";

    /** The party as written: {@code FRA} or {@code org:itu}. */
    @JsonValue
    String value();

    /**
     * Reads a party as written. Lower case state codes and organisation ids are accepted and normalised.
     *
     * @throws IllegalArgumentException if it is neither an assigned state code nor {@code org:} and a well-formed id
     */
    @JsonCreator
    static Party of(String value) {
        if (value == null) {
            throw new IllegalArgumentException("a party is required");
        }
        String trimmed = value.trim();
        if (trimmed.regionMatches(true, 0, ORGANISATION_PREFIX, 0, ORGANISATION_PREFIX.length())) {
            return new Organisation(OrganisationId.of(trimmed.substring(ORGANISATION_PREFIX.length())));
        }
        if (trimmed.indexOf(':') >= 0) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a party: write a state as its ISO 3166-1 "
                    + "alpha-3 code (FRA) or an organisation as org:<id> (org:itu)");
        }
        try {
            return new State(StateCode.of(trimmed));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; write a state as its ISO 3166-1 alpha-3 code "
                    + "(FRA) or an organisation as org:<id> (org:itu)");
        }
    }

    static State state(StateCode code) {
        return new State(code);
    }

    static Organisation organisation(OrganisationId id) {
        return new Organisation(id);
    }

    default boolean isState(StateCode code) {
        return this instanceof State state && state.code().equals(code);
    }

    @Override
    default int compareTo(Party other) {
        boolean thisIsState = this instanceof State;
        if (thisIsState != other instanceof State) {
            return thisIsState ? -1 : 1;
        }
        return value().compareTo(other.value());
    }

    /** A state, by its assigned ISO 3166-1 alpha-3 code. */
    record State(StateCode code) implements Party {
        public State {
            if (code == null) {
                throw new IllegalArgumentException("a state code is required");
            }
        }

        @Override
        public String value() {
            return code.value();
        }

        @Override
        public String toString() {
            return value();
        }
    }

    /**
     * An organisation, known once registered by a fact of its own. Its {@link #toString()} ({@code org:itu}) is also
     * the identifier of its registration in the event store, which keeps it apart from every other record's id.
     */
    record Organisation(OrganisationId id) implements Party {
        public Organisation {
            if (id == null) {
                throw new IllegalArgumentException("an organisation id is required");
            }
        }

        @Override
        public String value() {
            return ORGANISATION_PREFIX + id.value();
        }

        @Override
        public String toString() {
            return value();
        }
    }
}
