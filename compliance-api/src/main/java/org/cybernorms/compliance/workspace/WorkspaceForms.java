package org.cybernorms.compliance.workspace;

import org.cybernorms.compliance.assistance.api.AssistanceArea;
import org.cybernorms.compliance.assistance.api.ClosureOutcome;
import org.cybernorms.compliance.assistance.api.OfferTerms;
import org.cybernorms.compliance.crosswalk.api.Relation;
import org.cybernorms.compliance.instrument.api.InstrumentKind;
import org.cybernorms.compliance.participation.api.ParticipationAction;
import org.cybernorms.compliance.violation.api.Severity;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.cybernorms.compliance.workspace.FormField.area;
import static org.cybernorms.compliance.workspace.FormField.choice;
import static org.cybernorms.compliance.workspace.FormField.date;
import static org.cybernorms.compliance.workspace.FormField.flag;
import static org.cybernorms.compliance.workspace.FormField.id;
import static org.cybernorms.compliance.workspace.FormField.lines;
import static org.cybernorms.compliance.workspace.FormField.number;
import static org.cybernorms.compliance.workspace.FormField.pathText;
import static org.cybernorms.compliance.workspace.FormField.text;

/**
 * Every form of the workspace, one per write of the API (README, "The HTTP API in brief"). Each names the API path
 * it records through and the page that shows what it recorded.
 */
@Component
class WorkspaceForms {

    private static final String STATE_HINT = "ISO 3166-1 alpha-3 code, such as FRA";
    private static final String INSTRUMENT_HINT = "such as un-gge-2015";
    private static final String NORM_HINT = "such as 13f";

    private final Map<String, WorkspaceForm> forms = new LinkedHashMap<>();

    WorkspaceForms() {
        // violation reports
        add("violation-report", "Report a violation", "Record the report", "/api/violations", List.of(
                text("state", "State", STATE_HINT), text("instrument", "Instrument", INSTRUMENT_HINT),
                text("norm", "Norm", NORM_HINT), date("occurredOn", "Occurred on"),
                date("reportedOn", "Reported on (today if empty)"),
                choice("severity", "Severity", null, names(Severity.values())),
                area("summary", "Summary", "What happened, in a sentence or two"),
                lines("evidence", "Evidence links", "One address per line"),
                text("reportingBody", "Reporting body", "Optional")),
                r -> "/violations/" + seg(r.answered("violationId")));
        violationStep("violation-review", "Start the review", "/review", List.of(date("startedOn", "Review started on")));
        violationStep("violation-confirmation", "Confirm the violation", "/confirmation", List.of(
                date("confirmedOn", "Confirmed on"), area("finding", "Finding", "What the review found")));
        violationStep("violation-dismissal", "Dismiss the report", "/dismissal", List.of(
                date("dismissedOn", "Dismissed on"), area("reason", "Reason", null)));
        violationStep("violation-remedy", "Record a remedy", "/remedy", List.of(
                date("remediedOn", "Remedied on"), area("note", "Note", "What was done to remedy it")));
        violationStep("violation-response", "Answer the report", "/response", List.of(
                date("respondedOn", "Answered on"), area("text", "The state's answer", null)));

        // commitments
        add("commitment-make", "Make a commitment", "Record the commitment", "/api/commitments", List.of(
                text("state", "State", STATE_HINT), text("instrument", "Instrument", INSTRUMENT_HINT),
                text("norm", "Norm", NORM_HINT), area("description", "Description", null),
                date("madeOn", "Made on"), date("dueOn", "Due on")),
                r -> "/commitments/" + seg(r.answered("commitmentId")));
        commitmentStep("commitment-progress", "Report progress", "/progress", List.of(
                date("reportedOn", "Reported on"), area("note", "Progress", null)));
        commitmentStep("commitment-fulfilment", "Record fulfilment", "/fulfilment", List.of(
                date("fulfilledOn", "Fulfilled on"), area("evidence", "Evidence", "What shows it was fulfilled")));
        commitmentStep("commitment-withdrawal", "Record withdrawal", "/withdrawal", List.of(
                date("withdrawnOn", "Withdrawn on"), area("reason", "Reason", null)));

        // a state's participation, pledges and reservations
        add("pledge", "Record a pledge", "Record the pledge", "/api/states/{state}/pledges", List.of(
                pathText("state", "State", STATE_HINT), text("instrument", "Instrument", INSTRUMENT_HINT),
                text("norm", "Norm", NORM_HINT), date("pledgedOn", "Pledged on"),
                area("statement", "Statement", "The state's words")),
                r -> statePage(r));
        add("pledge-withdrawal", "Withdraw the pledge", "Record the withdrawal",
                "/api/states/{state}/pledges/{pledgeId}/withdrawal", List.of(
                        id("state"), id("pledgeId"), date("withdrawnOn", "Withdrawn on")),
                r -> "/states/" + seg(r.value("state")));
        add("participation", "Record participation", "Record it", "/api/states/{state}/participation", List.of(
                pathText("state", "State", STATE_HINT), text("instrument", "Instrument", INSTRUMENT_HINT),
                choice("action", "Action", null, names(ParticipationAction.values())), date("date", "On")),
                r -> statePage(r));
        add("reservation", "Enter a reservation", "Record the reservation", "/api/states/{state}/reservations",
                List.of(pathText("state", "State", STATE_HINT), text("instrument", "Instrument", INSTRUMENT_HINT),
                        text("norm", "Norm", NORM_HINT), date("enteredOn", "Entered on"),
                        area("text", "Text of the reservation", null)),
                r -> statePage(r));
        add("reservation-withdrawal", "Withdraw a reservation", "Record the withdrawal",
                "/api/states/{state}/reservations/{norm}/withdrawal", List.of(
                        pathText("state", "State", STATE_HINT), pathText("norm", "Norm", NORM_HINT),
                        text("instrument", "Instrument", INSTRUMENT_HINT), date("withdrawnOn", "Withdrawn on")),
                r -> statePage(r));

        // instruments
        add("instrument-create", "Create an instrument", "Create it", "/api/instruments", List.of(
                text("instrumentId", "Instrument id", "Letters, digits and hyphens, such as draft-lbi-2026"),
                text("title", "Title", null), date("adoptedOn", "Adopted on"),
                new FormField("norms", "Norms", "One per line: code | title | summary (a treaty's provisions: "
                        + "art1, art2, …)", FormField.Kind.NORM_LINES, FormField.Target.BODY, List.of()),
                choice("kind", "Kind", "POLITICAL if empty; a TREATY needs the four numbers below",
                        names(InstrumentKind.values())),
                number("consentsRequired", "Consents required", "TREATY: instruments of consent needed for entry "
                        + "into force, such as 40"),
                number("daysAfterThreshold", "Days after the threshold", "TREATY: it enters into force on this "
                        + "day after the last consent needed, such as 90"),
                number("daysAfterLaterConsent", "Days after a later consent", "TREATY: for a participant that "
                        + "consents later, such as 30"),
                number("denunciationTakesEffectAfterDays", "Days until a denunciation takes effect",
                        "TREATY: such as 365"),
                flag("admitsOrganisations", "Registered organisations may take part", "TREATY only"),
                flag("organisationsCount", "An organisation's consent counts towards entry into force",
                        "TREATY only")),
                r -> "/instruments/" + seg(r.value("instrumentId")));
        add("norm-add", "Add a norm", "Add it", "/api/instruments/{instrument}/norms", List.of(
                pathText("instrument", "Instrument", INSTRUMENT_HINT), text("norm", "Norm", NORM_HINT),
                text("title", "Title", null), area("summary", "Summary", "Optional"),
                date("effectiveOn", "Effective on")),
                r -> "/instruments/" + seg(r.value("instrument")));
        add("norm-revision", "Revise a norm", "Record the revision",
                "/api/instruments/{instrument}/norms/{norm}/revisions", List.of(
                        pathText("instrument", "Instrument", INSTRUMENT_HINT), pathText("norm", "Norm", NORM_HINT),
                        text("title", "Title", null), area("summary", "Summary", "Optional"),
                        date("revisedOn", "Revised on")),
                r -> "/instruments/" + seg(r.value("instrument")));
        add("norm-retirement", "Retire a norm", "Record the retirement",
                "/api/instruments/{instrument}/norms/{norm}/retirement", List.of(
                        pathText("instrument", "Instrument", INSTRUMENT_HINT), pathText("norm", "Norm", NORM_HINT),
                        date("retiredOn", "Retired on")),
                r -> "/instruments/" + seg(r.value("instrument")));

        // treaties: objections, organisations' participation, crosswalks (docs/treaties.md)
        add("objection", "Object to a reservation", "Record the objection", "/api/states/{state}/objections",
                List.of(pathText("state", "Objecting state", STATE_HINT + "; it must have consented to the treaty"),
                        text("instrument", "Treaty", "such as un-cybercrime-2024"),
                        text("reservingState", "Reserving state", STATE_HINT),
                        text("norm", "Provision reserved", "such as art2"), date("objectedOn", "Objected on"),
                        area("text", "Text of the objection", null)),
                r -> statePage(r));
        add("organisation-participation", "Record an organisation's participation", "Record it",
                "/api/organisations/{organisationId}/participation", List.of(
                        pathText("organisationId", "Organisation id", "A registered organisation, such as eu"),
                        text("instrument", "Treaty", "A treaty that admits organisations"),
                        choice("action", "Action", null, names(ParticipationAction.values())), date("date", "On")),
                r -> "/instruments/" + seg(r.value("instrument")));
        add("crosswalk-create", "Create a crosswalk", "Create it", "/api/crosswalks", List.of(
                text("crosswalkId", "Crosswalk id", "Letters, digits and hyphens, such as gge-2015-to-cybercrime"),
                text("from", "From instrument", INSTRUMENT_HINT), text("to", "Onto instrument",
                        "such as un-cybercrime-2024"), text("title", "Title", null)),
                r -> "/crosswalks/" + seg(r.value("crosswalkId")));
        add("crosswalk-mapping", "Map a norm onto a provision", "Record the mapping",
                "/api/crosswalks/{id}/mappings", List.of(
                        pathText("id", "Crosswalk id", null), text("sourceNorm", "Norm of the first instrument",
                                NORM_HINT), text("targetNorm", "Provision it maps onto", "such as art2"),
                        choice("relation", "Relation", "Only EQUIVALENT carries a state's record across",
                                names(Relation.values())),
                        area("rationale", "Rationale", "Optional"), date("effectiveOn", "Effective on")),
                r -> "/crosswalks/" + seg(r.value("id")));
        add("mapping-retirement", "Retire a mapping", "Record the retirement",
                "/api/crosswalks/{id}/mappings/{sourceNorm}/{targetNorm}/retirement", List.of(
                        pathText("id", "Crosswalk id", null), pathText("sourceNorm", "Norm", NORM_HINT),
                        pathText("targetNorm", "Provision", "such as art2"), date("retiredOn", "Retired on")),
                r -> "/crosswalks/" + seg(r.value("id")));

        // technical assistance
        add("organisation", "Register an organisation", "Register it", "/api/assistance/organisations", List.of(
                text("organisationId", "Organisation id", "Letters, digits and hyphens, such as itu"),
                text("name", "Name", null), date("registeredOn", "Registered on")),
                r -> "/work");
        add("assistance-request", "Request assistance", "Record the request", "/api/assistance/requests", List.of(
                text("requester", "Requesting state", STATE_HINT),
                text("addressee", "Asked of", "A state (GHA) or organisation (org:itu); empty for a request open to all"),
                text("instrument", "Instrument", INSTRUMENT_HINT), text("norm", "Norm", NORM_HINT),
                choice("area", "Area", null, names(AssistanceArea.values())),
                area("description", "What is needed", null), date("requestedOn", "Requested on")),
                r -> "/assistance/requests/" + seg(r.answered("requestId")));
        add("assistance-offer", "Offer assistance", "Record the offer", "/api/assistance/requests/{requestId}/offers",
                List.of(id("requestId"),
                        text("offeror", "Offered by", "A state (GHA) or organisation (org:itu)"),
                        choice("terms", "Terms", null, names(OfferTerms.values())),
                        area("conditions", "Conditions", "Only for CONDITIONAL terms"),
                        date("offeredOn", "Offered on")),
                r -> "/assistance/requests/" + seg(r.value("requestId")));
        offerStep("offer-acceptance", "Accept the offer", "/acceptance", List.of(date("acceptedOn", "Accepted on")));
        offerStep("offer-declination", "Decline the offer", "/declination", List.of(
                date("declinedOn", "Declined on"), area("reason", "Reason", "Optional")));
        offerStep("offer-delivery", "Record a delivery", "/deliveries", List.of(
                date("deliveredOn", "Delivered on"), area("description", "What was delivered", null),
                area("evidence", "Evidence", null)));
        offerStep("offer-completion", "Record completion", "/completion", List.of(date("completedOn", "Completed on")));
        offerStep("offer-withdrawal", "Withdraw the offer", "/withdrawal", List.of(
                date("withdrawnOn", "Withdrawn on"), area("reason", "Reason", null)));
        add("request-closure", "Close the request", "Record the closure", "/api/assistance/requests/{requestId}/closure",
                List.of(id("requestId"), choice("outcome", "Outcome", null, names(ClosureOutcome.values())),
                        date("closedOn", "Closed on"), area("note", "Note", "Optional")),
                r -> "/assistance/requests/" + seg(r.value("requestId")));

        // administration
        add("projection-replay", "Rebuild every read model", "Start the rebuild", "/api/admin/projections/replay",
                List.of(new FormField("mode", "How", "bulk on H2 and PostgreSQL (the default); processors replays "
                        + "through the event processors", FormField.Kind.SELECT, FormField.Target.QUERY,
                        List.of("bulk", "processors"))),
                r -> "/work");

        // the event log: an export's hash chain verified, an export restored into an empty installation
        add("events-verify", "Verify an export of the event log", "Verify", "/api/events/verify", List.of(
                new FormField("file", "Export (NDJSON)", "As GET /api/events/export wrote it; up to the size of an "
                        + "import body (compliance.import.max-body-size) through this page",
                        FormField.Kind.FILE, FormField.Target.BODY, List.of("application/x-ndjson", ".ndjson,.jsonl,.json,.txt"))),
                r -> null);
        add("events-restore", "Restore an export into this installation", "Restore", "/api/admin/events/import",
                List.of(new FormField("file", "Export (NDJSON)", "Only into an installation that holds nothing but "
                        + "its own seed", FormField.Kind.FILE, FormField.Target.BODY,
                        List.of("application/x-ndjson", ".ndjson,.jsonl,.json,.txt"))),
                r -> null);

        // imports
        add("eurepoc-import", "Import the EuRepoC dataset", "Import", "/api/imports/eurepoc", List.of(
                new FormField("file", "EuRepoC Global Database CSV", "The file as published (UTF-8)",
                        FormField.Kind.FILE, FormField.Target.BODY, List.of("text/csv", ".csv,text/csv")),
                new FormField("confirm", "Also record review and confirmation of each new violation",
                        "For a dataset this monitoring body trusts", FormField.Kind.CHECKBOX,
                        FormField.Target.QUERY, List.of())),
                r -> "/work/imports/" + seg(r.answered("importId")));
    }

    Optional<WorkspaceForm> named(String name) {
        return Optional.ofNullable(forms.get(name));
    }

    WorkspaceForm get(String name) {
        return named(name).orElseThrow(() -> new IllegalArgumentException("no form " + name));
    }

    private void add(String name, String title, String submit, String apiPath, List<FormField> fields,
                     java.util.function.Function<WorkspaceForm.Recorded, String> next) {
        forms.put(name, new WorkspaceForm(name, title, submit, apiPath, fields, next));
    }

    private void violationStep(String name, String title, String path, List<FormField> fields) {
        add(name, title, title, "/api/violations/{id}" + path, prepend(id("id"), fields),
                r -> "/violations/" + seg(r.value("id")));
    }

    private void commitmentStep(String name, String title, String path, List<FormField> fields) {
        add(name, title, title, "/api/commitments/{id}" + path, prepend(id("id"), fields),
                r -> "/commitments/" + seg(r.value("id")));
    }

    private void offerStep(String name, String title, String path, List<FormField> fields) {
        add(name, title, title, "/api/assistance/offers/{offerId}" + path, prepend(id("offerId"), fields),
                r -> "/assistance/offers/" + seg(r.value("offerId")));
    }

    private static String statePage(WorkspaceForm.Recorded r) {
        String instrument = r.value("instrument");
        return "/states/" + seg(r.value("state"))
                + (instrument == null || instrument.isBlank() ? "" : "?instrument=" + seg(instrument));
    }

    private static List<FormField> prepend(FormField first, List<FormField> rest) {
        List<FormField> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return List.copyOf(all);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    static String seg(String value) {
        return UriUtils.encodePathSegment(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
