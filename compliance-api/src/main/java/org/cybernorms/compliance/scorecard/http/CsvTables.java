package org.cybernorms.compliance.scorecard.http;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cybernorms.compliance.scorecard.http.ScorecardBodies.HistoryEntry;
import org.cybernorms.compliance.scorecard.http.ScorecardBodies.NormLine;
import org.cybernorms.compliance.scorecard.http.ScorecardBodies.ScorecardBody;
import org.cybernorms.compliance.scorecard.http.ScorecardBodies.Standing;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractGenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes scorecards, rankings and histories as {@code text/csv} (RFC 4180: comma separated, CRLF line ends, fields
 * quoted where needed, UTF-8), each with a header row. A missing score is an empty field. Only these three shapes
 * are written as CSV; nothing is read from CSV.
 */
@Configuration(proxyBeanMethods = false)
class CsvTables implements WebMvcConfigurer {

    static final String TEXT_CSV_VALUE = "text/csv";
    static final MediaType TEXT_CSV = MediaType.parseMediaType(TEXT_CSV_VALUE);

    static final String[] SCORECARD_HEADER = {"state", "instrument", "methodology", "asOf", "knownAt", "stateScore",
            "norm", "title", "status", "score", "pledged", "commitmentsEvaluable", "fulfilledOnTime",
            "fulfilledLate", "overdue", "withdrawn", "open", "violationsReported", "underReview", "confirmed",
            "dismissed", "remedied"};
    static final String[] RANKING_HEADER = {"rank", "state", "score"};
    static final String[] HISTORY_HEADER = {"date", "score"};

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(new Converter());
    }

    /** The shapes that have a CSV form. */
    private enum Table { SCORECARD, RANKING, HISTORY }

    private static Table table(Type type) {
        ResolvableType resolved = ResolvableType.forType(type);
        Class<?> raw = resolved.resolve();
        if (raw == null) {
            return null;
        }
        if (ScorecardBody.class.isAssignableFrom(raw)) {
            return Table.SCORECARD;
        }
        if (List.class.isAssignableFrom(raw)) {
            Class<?> element = resolved.asCollection().getGeneric(0).resolve();
            if (element == Standing.class) {
                return Table.RANKING;
            }
            if (element == HistoryEntry.class) {
                return Table.HISTORY;
            }
        }
        return null;
    }

    static final class Converter extends AbstractGenericHttpMessageConverter<Object> {

        Converter() {
            super(new MediaType("text", "csv", StandardCharsets.UTF_8));
            setDefaultCharset(StandardCharsets.UTF_8);
        }

        @Override
        protected boolean supports(Class<?> clazz) {
            return table(clazz) != null;
        }

        @Override
        public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
            return canWrite(mediaType) && table(type != null ? type : clazz) != null;
        }

        @Override
        public boolean canRead(Class<?> clazz, MediaType mediaType) {
            return false;
        }

        @Override
        public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
            return false;
        }

        @Override
        protected void writeInternal(Object body, Type type, HttpOutputMessage output)
                throws IOException, HttpMessageNotWritableException {
            Table table = table(type != null ? type : body.getClass());
            if (table == null) {
                throw new HttpMessageNotWritableException("No CSV form for " + body.getClass().getSimpleName());
            }
            Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
            switch (table) {
                case SCORECARD -> writeScorecard((ScorecardBody) body, writer);
                case RANKING -> writeRanking((List<?>) body, writer);
                case HISTORY -> writeHistory((List<?>) body, writer);
            }
            writer.flush();
        }

        @Override
        protected Object readInternal(Class<?> clazz, HttpInputMessage input) {
            throw new HttpMessageNotReadableException("CSV is not read", input);
        }

        @Override
        public Object read(Type type, Class<?> contextClass, HttpInputMessage input) {
            throw new HttpMessageNotReadableException("CSV is not read", input);
        }
    }

    private static CSVPrinter printer(Writer writer, String... header) throws IOException {
        return new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header).get());
    }

    static void writeScorecard(ScorecardBody card, Writer writer) throws IOException {
        CSVPrinter csv = printer(writer, SCORECARD_HEADER);
        for (NormLine norm : card.norms()) {
            csv.printRecord(card.state(), card.instrument(), card.methodology(), card.asOf(), card.knownAt(),
                    plain(card.score()), norm.norm(), norm.title(), norm.status(), plain(norm.score()),
                    norm.pledged(), norm.commitments().evaluable(), norm.commitments().fulfilledOnTime(),
                    norm.commitments().fulfilledLate(), norm.commitments().overdue(),
                    norm.commitments().withdrawn(), norm.commitments().open(), norm.violations().reported(),
                    norm.violations().underReview(), norm.violations().confirmed(), norm.violations().dismissed(),
                    norm.violations().remedied());
        }
        csv.flush();
    }

    static void writeRanking(List<?> ranking, Writer writer) throws IOException {
        CSVPrinter csv = printer(writer, RANKING_HEADER);
        for (Object line : ranking) {
            Standing standing = (Standing) line;
            csv.printRecord(standing.rank(), standing.state(), plain(standing.score()));
        }
        csv.flush();
    }

    static void writeHistory(List<?> history, Writer writer) throws IOException {
        CSVPrinter csv = printer(writer, HISTORY_HEADER);
        for (Object line : history) {
            HistoryEntry point = (HistoryEntry) line;
            csv.printRecord(point.date(), plain(point.score()));
        }
        csv.flush();
    }

    private static String plain(java.math.BigDecimal score) {
        return score == null ? null : score.toPlainString();
    }
}
