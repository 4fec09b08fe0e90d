-- Inbound mail: every message taken from an IMAP mailbox is stored here, raw, before anything else is done with
-- it (and before it is removed from the server), so a crash at any point loses nothing; the unique key on
-- (mailbox, message_key) makes a message fetched twice a no-op. message_key is "id:" + SHA-256 of the Message-ID,
-- or "raw:" + SHA-256 of the raw bytes when the message has none. A row ends TICKET (opened one), ENTRY (added to
-- one), IGNORED (automatic mail that threads nowhere; reason in outcome), FAILED (the failed-intake list: error in
-- outcome) or DISCARDED (an admin discarded it; kept for audit).
-- Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL 15+.

create table mail_intake (
    id            uuid primary key,
    mailbox       varchar(100)  not null,
    message_key   varchar(100)  not null,
    message_id    varchar(998),
    from_address  varchar(320),
    subject       varchar(1000),
    raw           bytea         not null,
    size_bytes    integer       not null,
    state         varchar(20)   not null,
    outcome       varchar(2000),
    ticket_number varchar(20),
    attempts      integer       not null default 0,
    received_at   timestamp with time zone not null,
    processed_at  timestamp with time zone,
    version       bigint        not null default 0,
    constraint mail_intake_key_uk unique (mailbox, message_key),
    constraint mail_intake_state_ck check (state in ('RECEIVED', 'TICKET', 'ENTRY', 'IGNORED', 'FAILED', 'DISCARDED'))
);
-- threading: the ticket of an earlier message that a reply names in In-Reply-To or References
create index mail_intake_message_id_idx on mail_intake (message_id);
-- the failed-intake list and the messages still to process
create index mail_intake_state_idx on mail_intake (state, received_at);
-- the loop guard: tickets a sender opened lately
create index mail_intake_sender_idx on mail_intake (from_address, state, processed_at);

-- who besides the requester may write to a ticket by mail: the addresses copied on its messages
create table ticket_contacts (
    ticket_id uuid         not null references tickets (id),
    address   varchar(320) not null,
    constraint ticket_contacts_pk primary key (ticket_id, address)
);
