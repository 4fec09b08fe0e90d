-- Baton foundation: identity and tenancy, web sessions, background job table.
-- Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL 15+.

create table organizations (
    id                     uuid primary key,
    name                   varchar(200) not null,
    code                   varchar(20)  not null,
    shared_ticket_visibility boolean    not null default false,
    active                 boolean      not null default true,
    created_at             timestamp with time zone not null,
    version                bigint       not null default 0,
    constraint organizations_code_uk unique (code),
    constraint organizations_name_uk unique (name)
);

-- the mail domains of an organization's people; inbound mail from a domain lands with its organization
create table organization_mail_domains (
    domain          varchar(253) primary key,
    organization_id uuid not null references organizations (id) on delete cascade
);
create index organization_mail_domains_org_idx on organization_mail_domains (organization_id);

create table support_groups (
    id                       uuid primary key,
    name                     varchar(120) not null,
    kind                     varchar(30)  not null,
    description              varchar(1000) not null default '',
    email                    varchar(254),
    serves_all_organizations boolean      not null default true,
    active                   boolean      not null default true,
    created_at               timestamp with time zone not null,
    version                  bigint       not null default 0,
    constraint support_groups_name_uk unique (name),
    constraint support_groups_kind_ck check (kind in ('SERVICE_DESK', 'FIELD_SERVICES', 'NETWORK', 'PROCUREMENT', 'HR', 'VENDOR_LIAISON', 'OTHER'))
);

create table support_group_organizations (
    support_group_id uuid not null references support_groups (id) on delete cascade,
    organization_id  uuid not null references organizations (id) on delete cascade,
    primary key (support_group_id, organization_id)
);

create table users (
    id               uuid primary key,
    username         varchar(100) not null,
    username_key     varchar(100) not null,
    email            varchar(254) not null,
    email_key        varchar(254) not null,
    display_name     varchar(200) not null,
    role             varchar(20)  not null,
    organization_id  uuid references organizations (id),
    phone            varchar(50)  not null default '',
    location         varchar(200) not null default '',
    time_zone        varchar(64)  not null default 'UTC',
    password_hash    varchar(200),
    active           boolean      not null default true,
    failed_sign_ins  integer      not null default 0,
    locked_until     timestamp with time zone,
    last_sign_in_at  timestamp with time zone,
    created_at       timestamp with time zone not null,
    version          bigint       not null default 0,
    constraint users_username_uk unique (username_key),
    constraint users_email_uk unique (email_key),
    constraint users_role_ck check (role in ('CUSTOMER', 'AGENT', 'TEAM_LEAD', 'COORDINATOR', 'ADMIN')),
    -- a customer belongs to exactly one organization; staff belong to none
    constraint users_customer_org_ck check ((role = 'CUSTOMER') = (organization_id is not null))
);
create index users_organization_idx on users (organization_id);
create index users_role_idx on users (role);

create table support_group_members (
    support_group_id uuid not null references support_groups (id) on delete cascade,
    user_id          uuid not null references users (id) on delete cascade,
    primary key (support_group_id, user_id)
);
create index support_group_members_user_idx on support_group_members (user_id);

create table api_tokens (
    id           uuid primary key,
    user_id      uuid not null references users (id) on delete cascade,
    name         varchar(100) not null,
    token_prefix varchar(20)  not null,
    token_hash   varchar(64)  not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone,
    constraint api_tokens_hash_uk unique (token_hash)
);
create index api_tokens_user_idx on api_tokens (user_id);

-- Spring Session JDBC (web sessions shared by all nodes)
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval integer      not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);

-- db-scheduler: durable, cluster-safe timers and recurring jobs
create table scheduled_tasks (
    task_name            text not null,
    task_instance        text not null,
    task_data            bytea,
    execution_time       timestamp with time zone,
    picked               boolean not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint not null,
    priority             smallint,
    state                text,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
