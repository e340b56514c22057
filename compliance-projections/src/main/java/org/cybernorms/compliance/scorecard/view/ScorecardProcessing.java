package org.cybernorms.compliance.scorecard.view;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.cybernorms.compliance.commitment.api.CommitmentEvents;
import org.cybernorms.compliance.crosswalk.api.CrosswalkEvents;
import org.cybernorms.compliance.instrument.api.InstrumentEvents;
import org.cybernorms.compliance.participation.api.OrganisationParticipationEvents;
import org.cybernorms.compliance.participation.api.ParticipationEvents;
import org.cybernorms.compliance.violation.api.ViolationEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the {@code scorecards} processing group runs.
 *
 * <p>It propagates handler errors instead of Axon's default of logging and skipping the event: a skipped fact would
 * silently change scores, and a fact row kept without its version count would let a stale cached answer be served.
 * The processor rolls the transaction back and retries the event.
 *
 * <p>Its events are split between segments by state ({@link ByState}), not by aggregate: every fact of one state is
 * handled by one segment, in log order. Each fact also updates its state's version row, and a processor handles
 * events in batches (one transaction per batch): split by aggregate, two segments' batches could update the same
 * states' rows in opposite orders and deadlock.
 */
@Configuration(proxyBeanMethods = false)
class ScorecardProcessing {

    @Bean
    ConfigurerModule scorecardsProcessing() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(ScorecardFactsProjection.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerSequencingPolicy(ScorecardFactsProjection.PROCESSING_GROUP, c -> new ByState());
    }

    /**
     * The state a fact is about (its version row); the instrument for the instrument's own facts; otherwise the
     * aggregate, as Axon's default does.
     */
    static final class ByState implements SequencingPolicy<EventMessage<?>> {

        private final SequentialPerAggregatePolicy otherwise = SequentialPerAggregatePolicy.instance();

        @Override
        public Object getSequenceIdentifierFor(EventMessage<?> event) {
            Object payload = event.getPayload();
            if (payload instanceof ParticipationEvents e) {
                return "state:" + e.state().value();
            }
            if (payload instanceof CommitmentEvents e) {
                return "state:" + e.state().value();
            }
            if (payload instanceof ViolationEvents e) {
                return "state:" + e.state().value();
            }
            if (payload instanceof InstrumentEvents e) {
                return "instrument:" + e.instrumentId().value();
            }
            if (payload instanceof OrganisationParticipationEvents e) {
                // kept among the treaty's own facts
                return "instrument:" + e.instrument().value();
            }
            if (payload instanceof CrosswalkEvents e) {
                // kept among the facts of the target instrument: in order with that instrument's own facts
                return "instrument:" + e.to().value();
            }
            return otherwise.getSequenceIdentifierFor(event);
        }
    }
}
