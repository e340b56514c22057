package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.violation.api.Severity;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a {@link FactBlock} holds its facts: the facts of one state (or of the instrument itself) whose positions fall
 * in one range of {@value #POSITIONS_PER_BLOCK} positions of the log, in log order, in one binary value.
 *
 * <p>Which block a fact goes to depends on its position alone, so the live projection (which adds facts one by one,
 * in the order they are read) and the bulk rebuild (which writes each block once, complete) give the same rows. A
 * block is a read model's storage, rebuilt from the log whenever it changes form: the format byte says which form a
 * value has, and a value of another form is refused, not guessed at.
 *
 * <p>Format 1, big-endian: the format byte, the number of facts (four bytes), then per fact its position (eight),
 * event id, type, valid date (epoch day, eight), recorded instant (epoch second, eight, and nanosecond, four), and
 * norm, subject, title, due date, occurrence date and severity, each of those six after a byte that says whether it
 * is there (1) or not (0). A text is its UTF-8 bytes after their number (two bytes, unsigned).
 */
final class FactBlocks {

    /** Positions per block: a power of two, so that a block's number is the position shifted right. */
    static final int POSITIONS_PER_BLOCK = 4096;
    private static final int SHIFT = Integer.numberOfTrailingZeros(POSITIONS_PER_BLOCK);
    static final byte FORMAT = 1;
    /** The format byte and the number of facts. */
    private static final int HEADER = 1 + 4;

    /** One string per known event type, shared by every fact decoded (cached answers hold their facts' refs). */
    private static final Map<String, String> TYPES = new HashMap<>();

    static {
        for (String type : List.of("InstrumentCreated", "NormAdded", "NormRevised", "NormRetired", "InstrumentSigned",
                "InstrumentRatified", "InstrumentAcceded", "InstrumentWithdrawnFrom", "NormPledged", "PledgeWithdrawn",
                "ReservationEntered", "ReservationWithdrawn", "CommitmentMade", "CommitmentFulfilled",
                "CommitmentWithdrawn", "CommitmentProgressReported", "ViolationReported", "ViolationReviewStarted",
                "ViolationConfirmed", "ViolationDismissed", "ViolationRemedied", "StateResponded", "InstrumentAccepted",
                "InstrumentApproved", "InstrumentDenounced", "ObjectionEntered", "MappingAdded", "MappingRetired",
                "OrganisationParticipationRecorded")) {
            TYPES.put(type, type);
        }
    }

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
        int size = HEADER;
        for (FactRow fact : sorted) {
            size += size(fact);
        }
        Out out = new Out(size);
        out.writeByte(FORMAT);
        out.writeInt(sorted.size());
        for (FactRow fact : sorted) {
            write(fact, out);
        }
        return out.bytes();
    }

    /**
     * The value of a block with one fact more, a fact that comes after every fact the block holds (a higher position):
     * the same bytes as {@link #encode} of all of them, made without reading the facts there are. This is how the live
     * projection adds a fact, nearly always the latest of its block: its cost is a copy of the block's bytes, not a
     * decoding and encoding of every fact in it.
     *
     * @param block a value of {@link #FORMAT}, every fact in it at a position below {@code fact}'s
     */
    static byte[] append(byte[] block, FactRow fact) {
        return append(block, List.of(fact));
    }

    /**
     * The value of a block with {@code facts} added, every one of them after every fact the block holds: as
     * {@link #append(byte[], FactRow)}, for the facts of one block that one transaction keeps.
     */
    static byte[] append(byte[] block, List<FactRow> facts) {
        if (block.length < HEADER || block[0] != FORMAT) {
            throw new IllegalStateException("A scorecard fact block of another format, or cut short: rebuild the read "
                    + "models (POST /api/admin/projections/replay)");
        }
        List<FactRow> sorted = new ArrayList<>(facts);
        sorted.sort(ORDER);
        int size = block.length;
        for (FactRow fact : sorted) {
            size += size(fact);
        }
        Out out = new Out(size);
        out.copy(block);
        out.writeInt(1, ByteBuffer.wrap(block, 1, 4).getInt() + sorted.size());
        for (FactRow fact : sorted) {
            write(fact, out);
        }
        return out.bytes();
    }

    private static int size(FactRow fact) {
        return 8 + Out.textSize(fact.eventId()) + Out.textSize(fact.type()) + 8 + 8 + 4
                + Out.optionalTextSize(fact.normCode()) + Out.optionalTextSize(fact.subjectId())
                + Out.optionalTextSize(fact.title()) + Out.optionalDateSize(fact.dueOn())
                + Out.optionalDateSize(fact.occurredOn())
                + Out.optionalTextSize(fact.severity() == null ? null : fact.severity().name());
    }

    private static void write(FactRow fact, Out out) {
        out.writeLong(fact.position());
        out.writeText(fact.eventId());
        out.writeText(fact.type());
        out.writeLong(fact.validOn().toEpochDay());
        out.writeLong(fact.recordedAt().getEpochSecond());
        out.writeInt(fact.recordedAt().getNano());
        out.writeOptionalText(fact.normCode());
        out.writeOptionalText(fact.subjectId());
        out.writeOptionalText(fact.title());
        out.writeOptionalDate(fact.dueOn());
        out.writeOptionalDate(fact.occurredOn());
        out.writeOptionalText(fact.severity() == null ? null : fact.severity().name());
    }

    /**
     * The facts of one value, in the order stored.
     *
     * @param state the state's code, or {@code null} for the instrument's own facts
     */
    static List<FactRow> decode(byte[] value, String instrument, String state) {
        ByteBuffer in = ByteBuffer.wrap(value);
        try {
            byte format = in.get();
            if (format != FORMAT) {
                throw new IllegalStateException("A scorecard fact block of format " + format + ", which this version "
                        + "does not read: rebuild the read models (POST /api/admin/projections/replay)");
            }
            int count = in.getInt();
            List<FactRow> facts = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long position = in.getLong();
                String eventId = text(in);
                String read = text(in);
                String type = TYPES.getOrDefault(read, read);
                LocalDate validOn = LocalDate.ofEpochDay(in.getLong());
                Instant recordedAt = Instant.ofEpochSecond(in.getLong(), in.getInt());
                String norm = optionalText(in);
                String subject = optionalText(in);
                String title = optionalText(in);
                LocalDate dueOn = optionalDate(in);
                LocalDate occurredOn = optionalDate(in);
                String severity = optionalText(in);
                facts.add(new FactRow(eventId, position, recordedAt, type, instrument, state, validOn, norm, subject,
                        title, dueOn, occurredOn, severity == null ? null : Severity.valueOf(severity)));
            }
            return facts;
        } catch (BufferUnderflowException e) {
            throw new IllegalStateException("A scorecard fact block ends before its last fact", e);
        }
    }

    private static String text(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        if (length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }

    private static String optionalText(ByteBuffer in) {
        return in.get() == 0 ? null : text(in);
    }

    private static LocalDate optionalDate(ByteBuffer in) {
        return in.get() == 0 ? null : LocalDate.ofEpochDay(in.getLong());
    }

    /**
     * A big-endian byte array of a size worked out beforehand ({@link #textSize} and the like), so that encoding a
     * block allocates it once and copies nothing. What {@link java.io.DataOutputStream} over a byte stream gives,
     * without its per-byte calls and modified UTF-8 (a profile of the rebuild had a quarter of its mapping thread in
     * them, and later a quarter in growing and copying arrays and in {@code String.getBytes}). Text is its UTF-8 bytes
     * after their length (two bytes, unsigned); text in ASCII, nearly all of it, is written char by char.
     */
    private static final class Out {

        private final byte[] bytes;
        private int size;

        Out(int capacity) {
            bytes = new byte[capacity];
        }

        /** The bytes {@link #writeText} writes for this text. */
        static int textSize(String text) {
            int length = ascii(text) ? text.length() : text.getBytes(StandardCharsets.UTF_8).length;
            if (length > 0xFFFF) {
                throw new IllegalArgumentException("A fact's text of more than 65,535 bytes");
            }
            return 2 + length;
        }

        static int optionalTextSize(String text) {
            return 1 + (text == null ? 0 : textSize(text));
        }

        static int optionalDateSize(LocalDate date) {
            return 1 + (date == null ? 0 : 8);
        }

        private static boolean ascii(String text) {
            for (int i = 0, n = text.length(); i < n; i++) {
                if (text.charAt(i) >= 0x80) {
                    return false;
                }
            }
            return true;
        }

        void writeByte(int value) {
            bytes[size++] = (byte) value;
        }

        void writeInt(int value) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        /** Writes an int over the four bytes at {@code at}, wherever the end is. */
        void writeInt(int at, int value) {
            for (int shift = 24, i = at; shift >= 0; shift -= 8) {
                bytes[i++] = (byte) (value >>> shift);
            }
        }

        /** Copies these bytes to the end. */
        void copy(byte[] from) {
            System.arraycopy(from, 0, bytes, size, from.length);
            size += from.length;
        }

        void writeLong(long value) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        void writeText(String text) {
            if (ascii(text)) {
                int length = text.length();
                bytes[size++] = (byte) (length >>> 8);
                bytes[size++] = (byte) length;
                for (int i = 0; i < length; i++) {
                    bytes[size++] = (byte) text.charAt(i);
                }
                return;
            }
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            bytes[size++] = (byte) (utf8.length >>> 8);
            bytes[size++] = (byte) utf8.length;
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }

        void writeOptionalText(String text) {
            writeByte(text == null ? 0 : 1);
            if (text != null) {
                writeText(text);
            }
        }

        void writeOptionalDate(LocalDate date) {
            writeByte(date == null ? 0 : 1);
            if (date != null) {
                writeLong(date.toEpochDay());
            }
        }

        byte[] bytes() {
            if (size != bytes.length) {
                throw new IllegalStateException("A fact block of " + size + " bytes where " + bytes.length
                        + " were worked out");
            }
            return bytes;
        }
    }
}
