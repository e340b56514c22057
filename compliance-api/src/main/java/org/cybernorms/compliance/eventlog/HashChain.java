package org.cybernorms.compliance.eventlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The hash chain of an export. Each line carries {@code chainhash = hex(SHA-256(previous + canonical))}, where
 * {@code previous} is the chainhash of the line before (64 zeros, {@link #GENESIS}, for the first line) and
 * {@code canonical} is the line's canonical form; both are taken as UTF-8 and concatenated.
 *
 * <p>The canonical form of a line is its JSON object without the {@code chainhash} member, written as compact JSON
 * (no whitespace between tokens) with the members of every object, at every depth, sorted by name (Java string
 * order, that is by UTF-16 code unit), arrays in their order, strings and numbers as Jackson 2 writes them after
 * reading them (strings escape only {@code "}, {@code \} and control characters; the tracker's events hold only
 * strings, integers, booleans and nulls), encoded as UTF-8.
 */
public final class HashChain {

    public static final String ATTRIBUTE = "chainhash";
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();

    private HashChain() {
    }

    /** The chainhash of {@code line} after a line whose chainhash was {@code previous}. */
    public static String next(String previous, ObjectNode line) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous.getBytes(StandardCharsets.UTF_8));
            sha.update(canonical(line).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The canonical form of a line: without {@code chainhash}, members sorted at every depth, compact. */
    public static String canonical(ObjectNode line) {
        ObjectNode copy = line.deepCopy();
        copy.remove(ATTRIBUTE);
        return compactSorted(copy);
    }

    /** Any JSON value written compactly with the members of every object sorted by name. */
    public static String compactSorted(JsonNode node) {
        try {
            return JSON.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                copy.set(name, sorted(node.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                copy.add(sorted(it.next()));
            }
            return copy;
        }
        return node;
    }
}
