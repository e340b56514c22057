package org.cybernorms.compliance.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.cybernorms.compliance.commitment.api.CommitmentCommands.FulfilCommitment;
import org.cybernorms.compliance.commitment.api.CommitmentId;
import org.cybernorms.compliance.instrument.UnGge2015;
import org.cybernorms.compliance.participation.api.ParticipationAction;
import org.cybernorms.compliance.participation.api.ParticipationCommands.RecordParticipation;
import org.cybernorms.compliance.participation.api.ParticipationCommands.WithdrawPledge;
import org.cybernorms.compliance.participation.api.PledgeId;
import org.cybernorms.compliance.support.Api;
import org.cybernorms.compliance.support.TestStore;
import org.cybernorms.compliance.violation.api.ViolationCommands.ConfirmViolation;
import org.cybernorms.compliance.violation.api.ViolationCommands.RemedyViolation;
import org.cybernorms.compliance.violation.api.ViolationCommands.RespondToViolation;
import org.cybernorms.compliance.violation.api.ViolationCommands.StartReview;
import org.cybernorms.compliance.violation.api.ViolationId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated log loaded into the running application through {@link LogLoader} is one the aggregates accept: it is
 * stored whole with consistent sequence numbers, the read models catch up with it and score every state, and later
 * commands on generated records succeed through the real command gateway. Runs on its own application (the store of
 * the shared test application stays free of thousands of generated records), on H2, or on PostgreSQL in the
 * PostgreSQL run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedLogLoadTest {

    private static final long SIZE = 1_000;

    private static BenchApplication application;
    private static LogSummary summary;

    @BeforeAll
    static void loadGeneratedLog() {
        BenchApplication.Store store = TestStore.postgres() ? BenchApplication.Store.POSTGRES
                : BenchApplication.Store.H2;
        BenchApplication.Tokens tokens = BenchApplication.Tokens.random();
        application = BenchApplication.start(store, tokens, Map.of());
        LogGenerator generator = LogGenerator.of(SIZE);
        LogLoader loader = new LogLoader(application.context(), tokens.monitor());
        loader.loadWithProcessorsPaused(generator, SIZE, 500, System.out::println);
        loader.awaitReadModels(Duration.ofMinutes(5), System.out::println);
        summary = generator.summary();
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
    }

    @Test
    @Order(1)
    void storesEveryGeneratedEventWithSequenceNumbersFromZeroPerAggregate() {
        JdbcTemplate jdbc = application.context().getBean(JdbcTemplate.class);

        Long stored = jdbc.queryForObject("select count(*) from domain_event_entry where type <> 'Instrument'",
                Long.class);
        List<Map<String, Object>> broken = jdbc.queryForList("""
                select aggregate_identifier, min(sequence_number) as lowest, max(sequence_number) as highest,
                       count(*) as events
                from domain_event_entry group by aggregate_identifier
                having min(sequence_number) <> 0 or max(sequence_number) <> count(*) - 1""");
        Long aggregateTypes = jdbc.queryForObject(
                "select count(distinct type) from domain_event_entry where type <> 'Instrument'", Long.class);

        assertThat(stored).isEqualTo(SIZE);
        assertThat(broken).isEmpty();
        assertThat(aggregateTypes).as("Participation, Pledge, Commitment, ViolationReport").isEqualTo(4);
    }

    @Test
    @Order(2)
    void readModelsScoreEveryStateOfTheLog() {
        Api api = new Api(application.port());

        JsonNode ranking = api.get("/api/scorecards").json();
        Api.Response scorecard = api.get("/api/states/" + summary.eventsByState().keySet().iterator().next()
                + "/scorecard");

        assertThat(ranking.size()).isEqualTo(summary.eventsByState().size());
        assertThat(scorecard.status()).isEqualTo(200);
    }

    @Test
    void laterCommandsOnGeneratedViolationReportsSucceed() {
        CommandGateway commands = application.context().getBean(CommandGateway.class);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        commands.sendAndWait(new StartReview(violation("violation:REPORTED"), today));
        commands.sendAndWait(new ConfirmViolation(violation("violation:UNDER_REVIEW"), today, "Confirmed later"));
        commands.sendAndWait(new RemedyViolation(violation("violation:CONFIRMED"), today, "Remedied later"));
        commands.sendAndWait(new RespondToViolation(violation("violation:DISMISSED"), today, "A late reply"));

        assertThat(summary.samples("violation:REMEDIED")).isNotEmpty();
    }

    @Test
    void laterCommandsOnGeneratedCommitmentsPledgesAndParticipationSucceed() {
        CommandGateway commands = application.context().getBean(CommandGateway.class);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LogSummary.Sample open = summary.samples("commitment:OVERDUE").get(0);
        LogSummary.Sample pledge = summary.samples("pledge:ACTIVE").get(0);
        LogSummary.Sample signed = summary.samples("participation:SIGNED").get(0);
        LogSummary.Sample party = summary.samples("participation:PARTY").get(0);

        commands.sendAndWait(new FulfilCommitment(CommitmentId.of(open.aggregateId()), today, "Done at last"));
        commands.sendAndWait(new WithdrawPledge(PledgeId.of(pledge.aggregateId()), pledge.state(), today));
        commands.sendAndWait(new RecordParticipation(signed.state(), UnGge2015.ID, ParticipationAction.RATIFIED,
                today));
        commands.sendAndWait(new RecordParticipation(party.state(), UnGge2015.ID, ParticipationAction.WITHDREW,
                today));

        Long events = application.context().getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class,
                open.aggregateId());
        assertThat(events).isEqualTo(open.lastSequence() + 2);
    }

    private static ViolationId violation(String outcome) {
        List<LogSummary.Sample> samples = summary.samples(outcome);
        assertThat(samples).as(outcome).isNotEmpty();
        return ViolationId.of(samples.get(0).aggregateId());
    }
}
