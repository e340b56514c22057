package org.cybernorms.compliance.scorecard.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.cybernorms.compliance.scorecard.http.ScorecardBodies.NormLine;
import org.cybernorms.compliance.scorecard.methodology.NormScore;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A scorecard's norm lines with their JSON, written once for each list of norm scores and kept as long as that list
 * is (weakly, by identity: a cached scorecard hands out the same immutable list to every request, whatever its
 * knownAt). Writing the norm lines (each with its latest basis facts, dates and instants) would be the larger part of
 * the cost of a cached scorecard read; a read copies the text instead. The text is a pure function of the immutable list it
 * was written from, so it can never disagree with it. For every other use (CSV) it is the list of lines.
 */
final class WrittenNormLines extends AbstractList<NormLine> implements RandomAccess {

    private final List<NormLine> lines;
    /** The JSON text, with its UTF-8 bytes encoded once (they are copied as they are into every answer). */
    private final SerializedString json;

    private WrittenNormLines(List<NormLine> lines, String json) {
        this.lines = lines;
        this.json = new SerializedString(json);
        this.json.asUnquotedUTF8();
    }

    @Override
    public NormLine get(int index) {
        return lines.get(index);
    }

    @Override
    public int size() {
        return lines.size();
    }

    /** Writes and keeps the norm lines of scorecards, with the application's own {@link ObjectMapper}. */
    @Component
    static final class Writer {

        /**
         * The most kept, by estimated heap: about three bytes a character (the text, mostly one byte a character
         * but two with titles beyond Latin-1, and its UTF-8 bytes). About 35 KB of text a scorecard under un-gge-2015.
         */
        private static final long MAX_BYTES = 24L * 1024 * 1024;

        private final ObjectMapper json;
        private final Cache<List<NormScore>, WrittenNormLines> written = Caffeine.newBuilder().weakKeys()
                .maximumWeight(MAX_BYTES)
                .weigher((List<NormScore> key, WrittenNormLines lines) -> 3 * lines.json.charLength())
                .build();

        Writer(ObjectMapper json) {
            this.json = json;
        }

        /** The norm lines of {@code norms}, with their JSON. */
        List<NormLine> of(List<NormScore> norms) {
            return written.get(norms, this::write);
        }

        private WrittenNormLines write(List<NormScore> norms) {
            List<NormLine> lines = norms.stream().map(NormLine::of).toList();
            try {
                return new WrittenNormLines(lines, json.writeValueAsString(lines));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Writes {@link WrittenNormLines} as their JSON text; any other list of norm lines as Jackson would. */
    static final class Serializer extends StdSerializer<List<NormLine>> {

        Serializer() {
            super(List.class, false);
        }

        @Override
        public void serialize(List<NormLine> value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            if (value instanceof WrittenNormLines written) {
                generator.writeRawValue(written.json);
                return;
            }
            JavaType type = provider.getTypeFactory().constructCollectionType(List.class, NormLine.class);
            provider.findValueSerializer(type).serialize(value, generator, provider);
        }
    }
}
