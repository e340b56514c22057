package org.cybernorms.compliance.assistance.ledger;

import org.cybernorms.compliance.assistance.api.OfferId;
import org.cybernorms.compliance.assistance.api.Party;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Ranks donors by the delivery parts they made and recipients by the delivery parts they received, counting parts
 * dated on or before {@code asOf} and recorded by {@code knownAt}. Only parties with at least one such part are
 * listed. Order: deliveries descending, then the party as written ({@code EST} before {@code KEN} before
 * {@code org:itu}). Ties: standard competition ranking (1, 2, 2, 4). Plain logic, no framework.
 */
public final class AssistanceRankings {

    private static final Comparator<RankedParty> ORDER = Comparator.comparingInt(RankedParty::deliveries).reversed()
            .thenComparing(r -> r.party().value());

    private AssistanceRankings() {
    }

    /** Both rankings at once. */
    public record Rankings(LocalDate asOf, Instant knownAt, List<RankedParty> donors, List<RankedParty> recipients) {
    }

    public static Rankings rank(List<LedgerFact.Delivered> deliveries, LocalDate asOf, Instant knownAt) {
        List<LedgerFact.Delivered> counted = deliveries.stream().filter(d -> d.times().countsAt(asOf, knownAt))
                .toList();
        return new Rankings(asOf, knownAt, rank(counted, LedgerFact.Delivered::offeror),
                rank(counted, d -> Party.state(d.requester())));
    }

    private static List<RankedParty> rank(List<LedgerFact.Delivered> deliveries,
                                          Function<LedgerFact.Delivered, Party> by) {
        Map<String, Tally> tallies = new TreeMap<>();
        for (LedgerFact.Delivered delivery : deliveries) {
            Party party = by.apply(delivery);
            tallies.computeIfAbsent(party.value(), p -> new Tally(party)).add(delivery.offerId());
        }
        List<RankedParty> unranked = tallies.values().stream()
                .map(t -> new RankedParty(t.party, t.parts, t.offers.size(), 0)).sorted(ORDER).toList();
        List<RankedParty> ranked = new ArrayList<>(unranked.size());
        int rank = 0;
        for (int i = 0; i < unranked.size(); i++) {
            RankedParty line = unranked.get(i);
            if (i == 0 || line.deliveries() != unranked.get(i - 1).deliveries()) {
                rank = i + 1;
            }
            ranked.add(new RankedParty(line.party(), line.deliveries(), line.offers(), rank));
        }
        return List.copyOf(ranked);
    }

    private static final class Tally {
        private final Party party;
        private final Set<OfferId> offers = new HashSet<>();
        private int parts;

        Tally(Party party) {
            this.party = party;
        }

        void add(OfferId offer) {
            parts++;
            offers.add(offer);
        }
    }
}
