package org.cybernorms.compliance.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * One kind of UUID identifier of records ({@code CommitmentId}, {@code PledgeId}, ...): what every such id does,
 * written once. Each id is a record of one canonical string; it keeps a kind as a constant and hands its
 * constructor, {@code random()} and {@code parse} to it, so that the record says only its name and JSON shape.
 *
 * @param <T> the identifier's type
 */
public final class UuidKind<T> {

    private final String what;
    private final Function<String, T> make;

    /**
     * @param what the kind's name in messages ("commitment")
     * @param make the record's canonical constructor
     */
    public UuidKind(String what, Function<String, T> make) {
        this.what = what;
        this.make = make;
    }

    /** {@code value} in canonical lower-case form; fails if it is missing or not a UUID. */
    public String canonical(String value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " id is required");
        }
        return UUID.fromString(value).toString();
    }

    /** A new id, assigned by the tracker when a fact is first recorded. */
    public T random() {
        return make.apply(UUID.randomUUID().toString());
    }

    /** The id written in {@code value} (from a path), or empty if it cannot be an id: never an exception. */
    public Optional<T> parse(String value) {
        if (value == null || value.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(make.apply(UUID.fromString(value.toLowerCase(Locale.ROOT)).toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
