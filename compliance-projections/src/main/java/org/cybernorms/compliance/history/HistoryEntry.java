package org.cybernorms.compliance.history;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event in the dated history of a record, with both of its times: the date the fact took effect
 * ({@code validOn}) and the instant it was recorded ({@code recordedAt}).
 */
public record HistoryEntry(String eventId, String type, LocalDate validOn, Instant recordedAt, Object details) {
}
