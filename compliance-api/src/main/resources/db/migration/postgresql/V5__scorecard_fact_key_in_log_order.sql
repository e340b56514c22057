-- The scorecard facts are keyed by their place in the log, then their event id (ScorecardFactsBulk.FACTS): the
-- projection and the bulk rebuild insert in the log's order, so each insert appends to the key's last page, where a
-- key on the random event id alone touched a page anywhere in its B-tree. Each event still has one row: the live
-- projection checks (position, event id) before it inserts.
alter table rm_scorecard_fact drop constraint rm_scorecard_fact_pkey;
alter table rm_scorecard_fact add constraint rm_scorecard_fact_pkey primary key (log_position, event_id);
