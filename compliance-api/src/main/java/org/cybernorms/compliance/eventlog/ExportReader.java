package org.cybernorms.compliance.eventlog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads an export line by line and checks its hash chain (see {@link HashChain}), stopping at the first line that
 * breaks it. Reads as it goes: memory does not grow with the export. Line numbers count from 1. A final line end is
 * optional; an empty line anywhere else breaks the export.
 */
public final class ExportReader {

    /** Thrown by a {@link LineCheck} to refuse a line, with the reason. */
    public static final class InvalidLine extends Exception {
        public InvalidLine(String reason) {
            super(reason);
        }
    }

    /** A further check of each line whose hash holds (the import checks the envelope of every event). */
    @FunctionalInterface
    public interface LineCheck {
        void check(long lineNumber, ObjectNode line) throws InvalidLine;
    }

    /**
     * The result of a verification.
     *
     * @param events       the number of lines that verified (all of them if valid)
     * @param lastSequence the {@code sequence} of the last line that verified, if any
     * @param lastHash     the chainhash of the last line that verified ({@link HashChain#GENESIS} if none)
     * @param brokenLine   the number of the first line that breaks the export, or {@code null} if valid
     * @param reason       why that line breaks it
     */
    public record Verdict(boolean valid, long events, String lastSequence, String lastHash, Long brokenLine,
                          String reason) {
    }

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ExportReader() {
    }

    public static Verdict verify(InputStream in) throws IOException {
        return verify(in, (number, line) -> {
        });
    }

    public static Verdict verify(InputStream in, LineCheck check) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        String previous = HashChain.GENESIS;
        String lastSequence = null;
        long number = 0;
        String text;
        while (true) {
            try {
                text = reader.readLine();
            } catch (java.nio.charset.CharacterCodingException e) {
                return broken(number, lastSequence, previous, number + 1, "is not UTF-8");
            }
            if (text == null) {
                break;
            }
            number++;
            ObjectNode line;
            try {
                JsonNode node = text.isBlank() ? null : STRICT.readTree(text);
                if (!(node instanceof ObjectNode object)) {
                    return broken(number - 1, lastSequence, previous, number, text.isBlank() ? "is empty"
                            : "is not a JSON object");
                }
                line = object;
            } catch (JsonProcessingException e) {
                return broken(number - 1, lastSequence, previous, number, "is not JSON: "
                        + e.getOriginalMessage());
            }
            JsonNode hash = line.get(HashChain.ATTRIBUTE);
            if (hash == null || !hash.isTextual()) {
                return broken(number - 1, lastSequence, previous, number, "has no chainhash");
            }
            String expected = HashChain.next(previous, line);
            if (!expected.equals(hash.asText())) {
                return broken(number - 1, lastSequence, previous, number, "has chainhash " + hash.asText()
                        + " but its content and the line before give " + expected);
            }
            try {
                check.check(number, line);
            } catch (InvalidLine e) {
                return broken(number - 1, lastSequence, previous, number, e.getMessage());
            }
            previous = expected;
            lastSequence = line.path("sequence").isTextual() ? line.get("sequence").asText() : null;
        }
        return new Verdict(true, number, lastSequence, previous, null, null);
    }

    private static Verdict broken(long verified, String lastSequence, String lastHash, long line, String reason) {
        return new Verdict(false, verified, lastSequence, lastHash, line, "line " + line + " " + reason);
    }
}
