-- The capacity-building ledger's read model (AssistanceFactRow): every assistance fact with both of its times,
-- queried by requester, offeror, request or offer.
create table rm_assistance_fact (
    event_id      varchar(64)   not null,
    log_position  bigint        not null,
    event_type    varchar(40)   not null,
    valid_on      date          not null,
    recorded_at   timestamp(6) with time zone not null,
    request_id    varchar(36)   not null,
    requester     varchar(3)    not null,
    offer_id      varchar(36),
    offeror       varchar(70),
    addressee     varchar(70),
    instrument_id varchar(63),
    norm          varchar(16),
    area          varchar(40),
    terms         varchar(16),
    outcome       varchar(16),
    part          integer,
    constraint rm_assistance_fact_pkey primary key (event_id)
);
create index ix_rm_assistance_fact_requester on rm_assistance_fact (requester, log_position);
create index ix_rm_assistance_fact_offeror on rm_assistance_fact (offeror, log_position);
create index ix_rm_assistance_fact_request on rm_assistance_fact (request_id, log_position);
create index ix_rm_assistance_fact_offer on rm_assistance_fact (offer_id);
create index ix_rm_assistance_fact_type on rm_assistance_fact (event_type, log_position);
