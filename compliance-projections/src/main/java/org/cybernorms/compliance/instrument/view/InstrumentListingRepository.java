package org.cybernorms.compliance.instrument.view;

import org.springframework.data.jpa.repository.JpaRepository;

/** The directory of instruments. */
public interface InstrumentListingRepository extends JpaRepository<InstrumentListing, String> {
}
