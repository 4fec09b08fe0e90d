-- Baton tickets: numbering, the ticket row, its append-only timeline, links, recurring operational
-- tasks, API idempotency keys and the transactional outbox.
-- Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL 15+.

-- one sequence per ticket type: numbers are never reused (a rolled-back create leaves a gap, never a repeat)
create sequence ticket_number_inc start with 1001;
create sequence ticket_number_req start with 1001;
create sequence ticket_number_prb start with 1001;
create sequence ticket_number_ops start with 1001;

-- recurring operational tasks (monthly patching, weekly bandwidth check): one task per period
create table ticket_schedules (
    id               uuid primary key,
    title            varchar(300)  not null,
    description      varchar(20000) not null default '',
    organization_id  uuid not null references organizations (id),
    working_group_id uuid references support_groups (id),
    owner_id         uuid references users (id),
    cadence          varchar(10)   not null,
    every_n          integer       not null default 1,
    first_period     date          not null,
    time_zone        varchar(64)   not null,
    next_period      date          not null,
    active           boolean       not null default true,
    created_at       timestamp with time zone not null,
    version          bigint        not null default 0,
    constraint ticket_schedules_cadence_ck check (cadence in ('DAILY', 'WEEKLY', 'MONTHLY')),
    constraint ticket_schedules_every_ck check (every_n between 1 and 366)
);

create table tickets (
    id                       uuid primary key,
    number                   varchar(20)  not null,
    type                     varchar(20)  not null,
    status                   varchar(20)  not null,
    is_open                  boolean      not null,
    pending_reason           varchar(20),
    impact                   varchar(10),
    urgency                  varchar(10),
    priority                 varchar(10)  not null,
    organization_id          uuid         not null references organizations (id),
    requester_id             uuid references users (id),
    requester_name           varchar(200) not null,
    requester_location       varchar(200) not null default '',
    requester_contact        varchar(254) not null default '',
    channel                  varchar(20)  not null,
    category                 varchar(120) not null default '',
    subject                  varchar(300) not null,
    description              varchar(20000) not null default '',
    owner_id                 uuid references users (id),
    working_group_id         uuid references support_groups (id),
    assignee_id              uuid references users (id),
    handoff_eta              timestamp with time zone,
    handed_off               boolean      not null default false,
    ownership_transferred    boolean      not null default false,
    reopened                 boolean      not null default false,
    first_contact_resolved   boolean      not null default false,
    resolution_code          varchar(30),
    resolution_notes         varchar(4000),
    expected_restoration_at  timestamp with time zone,
    restoration_unknown_reason varchar(500),
    next_update_due_at       timestamp with time zone,
    last_status_update_at    timestamp with time zone,
    due_at                   timestamp with time zone,
    merged_into_id           uuid references tickets (id),
    schedule_id              uuid references ticket_schedules (id),
    schedule_period          date,
    created_by               uuid references users (id),
    created_at               timestamp with time zone not null,
    updated_at               timestamp with time zone not null,
    resolved_at              timestamp with time zone,
    closed_at                timestamp with time zone,
    version                  bigint       not null default 0,
    constraint tickets_number_uk unique (number),
    constraint tickets_schedule_period_uk unique (schedule_id, schedule_period),
    constraint tickets_type_ck check (type in ('INCIDENT', 'SERVICE_REQUEST', 'PROBLEM', 'OPERATIONAL_TASK')),
    constraint tickets_status_ck check (status in ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING', 'KNOWN_ERROR', 'RESOLVED', 'CLOSED', 'CANCELLED')),
    constraint tickets_priority_ck check (priority in ('P1', 'P2', 'P3', 'P4', 'PLANNED')),
    constraint tickets_channel_ck check (channel in ('PHONE', 'EMAIL', 'PORTAL', 'API', 'MONITORING', 'WALK_IN', 'SCHEDULE')),
    -- total contact ownership: every ticket past New has an owner (a ticket cancelled while New may have none)
    constraint tickets_owner_ck check (status in ('NEW', 'CANCELLED') or owner_id is not null),
    constraint tickets_open_ck check (is_open = (status not in ('RESOLVED', 'CLOSED', 'CANCELLED'))),
    constraint tickets_pending_ck check ((status = 'PENDING') = (pending_reason is not null))
);
create index tickets_updated_idx on tickets (updated_at desc, id desc);
create index tickets_open_updated_idx on tickets (is_open, updated_at desc, id desc);
create index tickets_status_updated_idx on tickets (status, updated_at desc, id desc);
create index tickets_org_updated_idx on tickets (organization_id, updated_at desc, id desc);
create index tickets_owner_updated_idx on tickets (owner_id, updated_at desc, id desc);
create index tickets_group_updated_idx on tickets (working_group_id, updated_at desc, id desc);
create index tickets_requester_updated_idx on tickets (requester_id, updated_at desc, id desc);
create index tickets_next_update_idx on tickets (is_open, next_update_due_at);
create index tickets_merged_into_idx on tickets (merged_into_id);

-- the timeline: append-only; a row is never updated or deleted (PostgreSQL enforces it with a trigger)
create table ticket_events (
    id          bigint generated by default as identity primary key,
    ticket_id   uuid         not null references tickets (id),
    kind        varchar(40)  not null,
    visibility  varchar(10)  not null,
    actor_id    uuid references users (id),
    actor_name  varchar(200) not null,
    occurred_at timestamp with time zone not null,
    body        varchar(20000),
    details     varchar(20000),
    constraint ticket_events_visibility_ck check (visibility in ('PUBLIC', 'INTERNAL'))
);
create index ticket_events_ticket_idx on ticket_events (ticket_id, id);

create table ticket_links (
    id          uuid primary key,
    kind        varchar(20) not null,
    source_id   uuid not null references tickets (id),
    target_id   uuid not null references tickets (id),
    created_by  uuid references users (id),
    created_at  timestamp with time zone not null,
    constraint ticket_links_uk unique (source_id, kind, target_id),
    constraint ticket_links_kind_ck check (kind in ('CHILD_OF', 'RELATED_TO', 'DUPLICATE_OF', 'CAUSED_BY')),
    constraint ticket_links_self_ck check (source_id <> target_id)
);
create index ticket_links_target_idx on ticket_links (target_id);

-- Idempotency-Key on POST: the same key and body within 24 h returns the first answer and creates nothing
create table idempotency_keys (
    user_id       uuid         not null references users (id) on delete cascade,
    idem_key      varchar(200) not null,
    request_hash  varchar(64)  not null,
    status        integer      not null,
    location      varchar(500),
    response_body varchar(60000) not null,
    created_at    timestamp with time zone not null,
    primary key (user_id, idem_key)
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);

-- transactional outbox: side effects (customer notifications, mail, webhooks, pages) written in the
-- same transaction as the change that causes them; delivered later, at least once, by a channel
create table outbox (
    id              uuid primary key,
    kind            varchar(60)  not null,
    aggregate_id    uuid,
    recipient       varchar(300) not null,
    subject         varchar(500) not null,
    payload         varchar(20000) not null,
    created_at      timestamp with time zone not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamp with time zone not null,
    delivered_at    timestamp with time zone,
    last_error      varchar(2000)
);
create index outbox_pending_idx on outbox (delivered_at, next_attempt_at);
create index outbox_aggregate_idx on outbox (aggregate_id);
