-- FactBlock: the scorecard facts of one state (state_code '' for the instrument's own facts) whose log positions fall
-- in one range of 4096 positions (block_no = log_position / 4096), in one binary value (FactBlocks, format 1), with
-- how many there are, the highest position and the latest recorded instant among them. It replaces rm_scorecard_fact
-- (one row per fact): a rebuild writes about twenty times fewer rows. rm_scorecard_fact is left here for the
-- application, which rebuilds the read models once it has started and drops that table when the rebuild completes
-- (ReadModelRebuild), so that a crash in between leaves it to be rebuilt again.
create table rm_scorecard_fact_block (
    instrument_id    varchar(63) not null,
    state_code       varchar(3)  not null,
    block_no         bigint      not null,
    fact_count       integer     not null,
    last_position    bigint      not null,
    last_recorded_at timestamp(6) with time zone not null,
    facts            bytea       not null,
    constraint rm_scorecard_fact_block_pkey primary key (instrument_id, state_code, block_no)
);
