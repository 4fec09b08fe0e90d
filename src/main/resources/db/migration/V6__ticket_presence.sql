-- Who is looking at or writing on a ticket right now, for collision detection on the ticket page.
-- One row per ticket and person, refreshed by a heartbeat every 10-15 s; rows older than about
-- 30 s are ignored (and cleared away by later heartbeats). In the database, so it works across nodes.
-- Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL 15+.
create table ticket_presence (
    ticket_id  uuid         not null references tickets (id) on delete cascade,
    user_id    uuid         not null references users (id) on delete cascade,
    user_name  varchar(200) not null,
    activity   varchar(20)  not null,
    seen_at    timestamp with time zone not null,
    primary key (ticket_id, user_id),
    constraint ticket_presence_activity_ck check (activity in ('VIEWING', 'REPLY', 'NOTE', 'STATUS_UPDATE', 'HANDOFF'))
);

create index ticket_presence_seen_ix on ticket_presence (ticket_id, seen_at);
