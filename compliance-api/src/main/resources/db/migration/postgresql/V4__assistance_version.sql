-- How far the assistance facts have got in rm_assistance_fact (one row, scope 'all'): kept in the same transaction as
-- the fact rows, read on every ledger read (the scorecard's assistance section, GET /api/states/{state}/assistance)
-- to key the cache of ledgers (AssistanceVersion, docs/scorecards.md "How reads stay fast").
create table rm_assistance_version (
    scope            varchar(16) not null,
    fact_count       bigint      not null,
    last_position    bigint      not null,
    last_recorded_at timestamp(6) with time zone not null,
    generation       bigint      not null,
    constraint rm_assistance_version_pkey primary key (scope)
);
