-- The tracker's whole schema on PostgreSQL (profile postgres). Flyway runs it in the schema that
-- compliance.db.schema names (default public); Hibernate only validates it (ddl-auto=validate).
--
-- Binary columns are bytea, not oid: Axon's @Lob byte[] fields are mapped to bytea by ByteaPostgreSQLDialect.
-- Indexes follow Axon's "Relational Database Tuning" guide; column types match what Hibernate 6.6 expects for the
-- entities, so that validation passes. Every @Entity of the application has its table here (docs/operations.md).

-- Axon: event store ---------------------------------------------------------------------------------------------

-- The global index has allocation size 1 (META-INF/orm.xml): no gaps from pre-allocated blocks.
create sequence domain_event_entry_seq start with 1 increment by 1;

create table domain_event_entry (
    global_index         bigint       not null,
    event_identifier     varchar(255) not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    constraint domain_event_entry_pkey primary key (global_index),
    -- storing and loading an aggregate's events
    constraint uk_domain_event_entry_aggregate_sequence unique (aggregate_identifier, sequence_number),
    constraint uk_domain_event_entry_event_identifier unique (event_identifier)
);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    constraint snapshot_event_entry_pkey primary key (sequence_number, aggregate_identifier, type),
    constraint uk_snapshot_event_entry_event_identifier unique (event_identifier)
);
-- loading the latest snapshot of an aggregate
create index ix_snapshot_event_entry_aggregate on snapshot_event_entry (aggregate_identifier);

-- Axon: tokens of the streaming event processors ----------------------------------------------------------------

create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    "timestamp"    varchar(255) not null,
    owner          varchar(255),
    constraint token_entry_pkey primary key (processor_name, segment)
);

-- Axon: sagas (none yet; the tables keep the JPA saga store usable) ------------------------------------------------

create sequence association_value_entry_seq start with 1 increment by 50;

create table saga_entry (
    saga_id         varchar(255) not null,
    saga_type       varchar(255),
    revision        varchar(255),
    serialized_saga bytea,
    constraint saga_entry_pkey primary key (saga_id)
);

create table association_value_entry (
    id                bigint       not null,
    association_key   varchar(255) not null,
    association_value varchar(255),
    saga_id           varchar(255) not null,
    saga_type         varchar(255),
    constraint association_value_entry_pkey primary key (id)
);
create index ix_association_value_entry_type_key_value
    on association_value_entry (saga_type, association_key, association_value);
create index ix_association_value_entry_saga on association_value_entry (saga_id, saga_type);

-- Axon: dead-letter queue of event processors (none configured yet) ---------------------------------------------

create table dead_letter_entry (
    dead_letter_id       varchar(255) not null,
    processing_group     varchar(255) not null,
    sequence_identifier  varchar(255) not null,
    sequence_index       bigint       not null,
    message_type         varchar(255) not null,
    event_identifier     varchar(255) not null,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    type                 varchar(255),
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    token_type           varchar(255),
    token                bytea,
    enqueued_at          timestamp(6) with time zone not null,
    last_touched         timestamp(6) with time zone,
    processing_started   timestamp(6) with time zone,
    cause_type           varchar(255),
    cause_message        varchar(1023),
    diagnostics          bytea,
    constraint dead_letter_entry_pkey primary key (dead_letter_id),
    constraint uk_dead_letter_entry_sequence unique (processing_group, sequence_identifier, sequence_index)
);
create index ix_dead_letter_entry_group on dead_letter_entry (processing_group);
create index ix_dead_letter_entry_group_sequence on dead_letter_entry (processing_group, sequence_identifier);

-- Read models -----------------------------------------------------------------------------------------------------

-- InstrumentListing: the directory of instruments
create table rm_instrument_listing (
    instrument_id varchar(63)   not null,
    title         varchar(1000) not null,
    adopted_on    date          not null,
    constraint rm_instrument_listing_pkey primary key (instrument_id)
);

-- FactRow: every fact a scorecard reads, with both its times. PostgreSQL keeps microseconds of recorded_at.
create table rm_scorecard_fact (
    event_id      varchar(64)   not null,
    log_position  bigint        not null,
    instrument_id varchar(63)   not null,
    state_code    varchar(3),
    event_type    varchar(40)   not null,
    valid_on      date          not null,
    recorded_at   timestamp(6) with time zone not null,
    norm          varchar(16),
    subject_id    varchar(64),
    title         varchar(1000),
    due_on        date,
    occurred_on   date,
    severity      varchar(16),
    constraint rm_scorecard_fact_pkey primary key (event_id),
    constraint ck_rm_scorecard_fact_severity check (severity in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL'))
);
create index ix_rm_scorecard_fact_subject on rm_scorecard_fact (instrument_id, state_code, log_position);

-- Idempotent writes ---------------------------------------------------------------------------------------------

-- IdempotencyRecord: one remembered request with its answer
create table idempotency_record (
    id           varchar(64)  not null,
    request_hash varchar(64)  not null,
    status       integer      not null,
    content_type varchar(200),
    location     varchar(500),
    body         text,
    created_at   timestamp(6) with time zone not null,
    constraint idempotency_record_pkey primary key (id)
);
