-- Service levels: SLA policies (per organization, or the default) and OLA policies (per support group),
-- their targets, the clocks that measure each ticket against them, and every warning or breach fired.

-- The queue order "nearest due first": written by the SLA module through the ticket module's API.
alter table tickets add column sla_due_at timestamp with time zone;
create index tickets_sla_due_idx on tickets (sla_due_at, id);

create table sla_policies (
    id                 uuid primary key,
    kind               varchar(3)   not null check (kind in ('SLA', 'OLA')),
    -- 'DEFAULT', 'ORG:<organization id>' or 'GROUP:<support group id>': one policy per scope
    scope_key          varchar(60)  not null unique,
    name               varchar(200) not null unique,
    organization_id    uuid references organizations (id),
    support_group_id   uuid references support_groups (id),
    calendar_id        uuid not null references calendars (id),
    -- percentages of a target at which a warning goes out, ascending, e.g. '75,90'
    warning_percents   varchar(40)  not null,
    -- the pending reasons that pause the clocks, e.g. 'CUSTOMER'
    pause_on           varchar(100) not null,
    version            bigint       not null,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null
);

create table sla_targets (
    policy_id          uuid        not null references sla_policies (id) on delete cascade,
    -- a ticket type for SLA targets; 'ANY' for OLA targets
    ticket_type        varchar(30) not null,
    priority           varchar(10) not null,
    metric             varchar(30) not null,
    duration_seconds   bigint      not null check (duration_seconds > 0),
    -- null: measured on the policy's calendar
    calendar_id        uuid references calendars (id),
    primary key (policy_id, ticket_type, priority, metric)
);

-- One clock per (ticket, metric, cycle): next-update targets start a new cycle after every status update,
-- OLA targets one per hand-off.
create table sla_clocks (
    id                 uuid primary key,
    ticket_id          uuid        not null references tickets (id),
    metric             varchar(30) not null,
    cycle              int         not null,
    policy_id          uuid references sla_policies (id) on delete set null,
    support_group_id   uuid references support_groups (id),
    calendar_id        uuid        not null references calendars (id),
    target_seconds     bigint      not null,
    -- a next-update clock: the time promised to the customer, if earlier than the cadence
    promised_at        timestamp with time zone,
    started_at         timestamp with time zone not null,
    state              varchar(10) not null check (state in ('RUNNING', 'PAUSED', 'STOPPED')),
    due_at             timestamp with time zone,
    fired_percent      int         not null,
    next_fire_at       timestamp with time zone,
    next_fire_percent  int,
    breached_at        timestamp with time zone,
    met_at             timestamp with time zone,
    stopped_at         timestamp with time zone,
    stop_reason        varchar(30),
    version            bigint      not null,
    unique (ticket_id, metric, cycle)
);
create index sla_clocks_fire_idx on sla_clocks (next_fire_at);

create table sla_clock_pauses (
    clock_id           uuid not null references sla_clocks (id) on delete cascade,
    paused_at          timestamp with time zone not null,
    resumed_at         timestamp with time zone,
    primary key (clock_id, paused_at)
);

-- Every warning and breach that went out: at most once per clock and threshold (100 = the breach).
create table sla_firings (
    clock_id           uuid not null references sla_clocks (id) on delete cascade,
    percent            int  not null,
    fires_at           timestamp with time zone not null,
    fired_at           timestamp with time zone not null,
    primary key (clock_id, percent)
);
