package org.cybernorms.compliance.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The bearer tokens of the embedded default, parsed from {@code token=ROLE} pairs. Only SHA-256 digests of the
 * tokens are kept; a presented token is digested and compared with every configured digest in constant time, so
 * neither the comparison nor its timing reveals how much of a token matched. Tokens are never logged.
 */
public final class StaticTokens {

    /** Who a token stands for: a name for the audit trail (never the token) and a normalised role. */
    public record Holder(String name, String role) {
    }

    private record Entry(byte[] digest, Holder holder) {
    }

    private final List<Entry> entries;

    private StaticTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Parses {@code token=ROLE,token=ROLE}. A malformed pair fails with a message that names its position, never
     * its token.
     */
    public static StaticTokens parse(String configured) {
        List<Entry> entries = new ArrayList<>();
        if (configured == null || configured.isBlank()) {
            return new StaticTokens(entries);
        }
        String[] pairs = configured.split(",");
        for (int i = 0; i < pairs.length; i++) {
            String pair = pairs[i].trim();
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.lastIndexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("compliance.auth.tokens: pair " + (i + 1)
                        + " is not of the form token=ROLE");
            }
            String token = pair.substring(0, eq).trim();
            String role;
            try {
                role = Roles.normalise(pair.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("compliance.auth.tokens: pair " + (i + 1) + ": " + e.getMessage());
            }
            byte[] digest = digest(token);
            String name = "token:" + role + ":" + HexFormat.of().formatHex(digest, 0, 4);
            entries.add(new Entry(digest, new Holder(name, role)));
        }
        return new StaticTokens(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The holder of {@code presented}, if it is a configured token. Takes the same time whichever matches. */
    public Optional<Holder> holderOf(String presented) {
        byte[] digest = digest(presented);
        Holder found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest, digest) && found == null) {
                found = entry.holder;
            }
        }
        return Optional.ofNullable(found);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
