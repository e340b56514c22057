-- How far each state's facts (and each instrument's own facts, state_code '') have got in rm_scorecard_fact: kept in
-- the same transaction as the fact rows, read on every scorecard read to key the cache of computed answers
-- (ScorecardVersion, docs/scorecards.md "How reads stay fast").
create table rm_scorecard_version (
    instrument_id    varchar(63) not null,
    state_code       varchar(3)  not null,
    fact_count       bigint      not null,
    last_position    bigint      not null,
    last_recorded_at timestamp(6) with time zone not null,
    generation       bigint      not null,
    constraint rm_scorecard_version_pkey primary key (instrument_id, state_code)
);

