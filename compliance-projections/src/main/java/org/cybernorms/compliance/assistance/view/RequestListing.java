package org.cybernorms.compliance.assistance.view;

import org.cybernorms.compliance.assistance.api.AssistanceArea;
import org.cybernorms.compliance.assistance.api.AssistanceRequestId;
import org.cybernorms.compliance.assistance.api.Party;
import org.cybernorms.compliance.assistance.api.RequestStatus;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;

import java.time.LocalDate;

/** One request in a list of requests, with its status as recorded now. {@code addressee} is null if open to all. */
public record RequestListing(AssistanceRequestId requestId, StateCode requester, Party addressee,
                             InstrumentId instrument, NormCode norm, AssistanceArea area, LocalDate requestedOn,
                             RequestStatus status, LocalDate closedOn) {
}
