package org.cybernorms.compliance.violation.api;

import org.axonframework.serialization.Revision;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;

import java.time.LocalDate;
import java.util.List;

/**
 * Events of a violation report's life. Every event names the state, instrument and norm. Schema: never changed in
 * place; a change gets a new revision and an upcaster. The date field is the valid time; {@code occurredOn} is when
 * the reported act took place.
 */
public sealed interface ViolationEvents {

    ViolationId violationId();

    StateCode state();

    InstrumentId instrument();

    NormCode norm();

    LocalDate validOn();

    /**
     * A report. Revision 2: {@code evidence} is a list of typed links ({@code {url, kind}}); revision 1 had a list of
     * address strings, which the upcaster of revision 1 turns into links with {@link EvidenceLink#of(String)}.
     */
    @Revision("2")
    record ViolationReported(ViolationId violationId, StateCode state, InstrumentId instrument, NormCode norm,
                             LocalDate occurredOn, LocalDate reportedOn, Severity severity, String summary,
                             List<EvidenceLink> evidence, String reportingBody) implements ViolationEvents {
        public LocalDate validOn() {
            return reportedOn;
        }
    }

    @Revision("1")
    record ViolationReviewStarted(ViolationId violationId, StateCode state, InstrumentId instrument, NormCode norm,
                                  LocalDate startedOn) implements ViolationEvents {
        public LocalDate validOn() {
            return startedOn;
        }
    }

    @Revision("1")
    record ViolationConfirmed(ViolationId violationId, StateCode state, InstrumentId instrument, NormCode norm,
                              LocalDate confirmedOn, String finding) implements ViolationEvents {
        public LocalDate validOn() {
            return confirmedOn;
        }
    }

    @Revision("1")
    record ViolationDismissed(ViolationId violationId, StateCode state, InstrumentId instrument, NormCode norm,
                              LocalDate dismissedOn, String reason) implements ViolationEvents {
        public LocalDate validOn() {
            return dismissedOn;
        }
    }

    @Revision("1")
    record StateResponded(ViolationId violationId, StateCode state, InstrumentId instrument, NormCode norm,
                          LocalDate respondedOn, String text) implements ViolationEvents {
        public LocalDate validOn() {
            return respondedOn;
        }
    }

    @Revision("1")
    record ViolationRemedied(ViolationId violationId, StateCode state, InstrumentId instrument, NormCode norm,
                             LocalDate remediedOn, String note) implements ViolationEvents {
        public LocalDate validOn() {
            return remediedOn;
        }
    }
}
