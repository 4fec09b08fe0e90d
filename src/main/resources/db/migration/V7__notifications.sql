-- In-app notifications: what a member of staff is told inside Baton (a hand-off to their group, an SLA
-- warning or breach, a customer's reply). One row per person and source event: the unique key makes a
-- redelivered event a no-op. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL 15+.

create table notifications (
    id            uuid primary key,
    user_id       uuid         not null references users (id) on delete cascade,
    kind          varchar(30)  not null,
    source_key    varchar(200) not null,
    ticket_id     uuid         not null references tickets (id),
    ticket_number varchar(30)  not null,
    text          varchar(500) not null,
    created_at    timestamp with time zone not null,
    read_at       timestamp with time zone,
    constraint notifications_source_uk unique (user_id, source_key),
    constraint notifications_kind_ck check (kind in ('HANDED_OFF', 'SLA_WARNING', 'SLA_BREACHED', 'CUSTOMER_REPLIED'))
);
-- "the unread of a user, newest first" (the badge and the top of the list)
create index notifications_user_unread_idx on notifications (user_id, read_at, created_at desc);

-- the new-ticket form logs contacts that came in another way (a chat message, a note at the desk)
alter table tickets drop constraint tickets_channel_ck;
alter table tickets add constraint tickets_channel_ck
    check (channel in ('PHONE', 'EMAIL', 'PORTAL', 'API', 'MONITORING', 'WALK_IN', 'SCHEDULE', 'OTHER'));
