package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.violation.api.Severity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a {@link FactBlock} holds its facts: the facts of one state (or of the instrument itself) whose positions fall
 * in one range of {@value #POSITIONS_PER_BLOCK} positions of the log, in log order, in one binary value.
 *
 * <p>Which block a fact goes to depends on its position alone, so the live projection (which adds facts one by one,
 * in the order they are read) and the bulk rebuild (which writes each block once, complete) give the same rows. A
 * block is a read model's storage, rebuilt from the log whenever it changes form: the format byte says which form a
 * value has, and a value of another form is refused, not guessed at.
 *
 * <p>Format 1, big-endian ({@link DataOutputStream}): the format byte, the number of facts, then per fact its
 * position, event id, type, valid date (epoch day), recorded instant (epoch second and nanosecond), and norm, subject,
 * title, due date, occurrence date and severity, each of those six after a byte that says whether it is there.
 */
final class FactBlocks {

    /** Positions per block: a power of two, so that a block's number is the position shifted right. */
    static final int POSITIONS_PER_BLOCK = 4096;
    private static final int SHIFT = Integer.numberOfTrailingZeros(POSITIONS_PER_BLOCK);
    static final byte FORMAT = 1;

    /** The order of facts within a block: by position, then by event id. */
    static final Comparator<FactRow> ORDER = Comparator.comparingLong(FactRow::position)
            .thenComparing(FactRow::eventId);

    private FactBlocks() {
    }

    /** The number of the block that holds a fact at this position. */
    static long blockOf(long position) {
        return position >> SHIFT;
    }

    /** The facts in one value, in {@link #ORDER} (sorted here). */
    static byte[] encode(List<FactRow> facts) {
        List<FactRow> sorted = new ArrayList<>(facts);
        sorted.sort(ORDER);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + facts.size() * 128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(sorted.size());
            for (FactRow fact : sorted) {
                out.writeLong(fact.position());
                out.writeUTF(fact.eventId());
                out.writeUTF(fact.type());
                out.writeLong(fact.validOn().toEpochDay());
                out.writeLong(fact.recordedAt().getEpochSecond());
                out.writeInt(fact.recordedAt().getNano());
                text(out, fact.normCode());
                text(out, fact.subjectId());
                text(out, fact.title());
                date(out, fact.dueOn());
                date(out, fact.occurredOn());
                text(out, fact.severity() == null ? null : fact.severity().name());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The facts of one value, in the order stored.
     *
     * @param state the state's code, or {@code null} for the instrument's own facts
     */
    static List<FactRow> decode(byte[] value, String instrument, String state) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalStateException("A scorecard fact block of format " + format + ", which this version "
                        + "does not read: rebuild the read models (POST /api/admin/projections/replay)");
            }
            int count = in.readInt();
            List<FactRow> facts = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long position = in.readLong();
                String eventId = in.readUTF();
                String type = in.readUTF();
                LocalDate validOn = LocalDate.ofEpochDay(in.readLong());
                Instant recordedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
                String norm = text(in);
                String subject = text(in);
                String title = text(in);
                LocalDate dueOn = date(in);
                LocalDate occurredOn = date(in);
                String severity = text(in);
                facts.add(new FactRow(eventId, position, recordedAt, type, instrument, state, validOn, norm, subject,
                        title, dueOn, occurredOn, severity == null ? null : Severity.valueOf(severity)));
            }
            return facts;
        } catch (IOException e) {
            throw new UncheckedIOException("A scorecard fact block could not be read", e);
        }
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static void date(DataOutputStream out, LocalDate value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value.toEpochDay());
        }
    }

    private static String text(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static LocalDate date(DataInputStream in) throws IOException {
        return in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null;
    }
}
