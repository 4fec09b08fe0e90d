-- Attachments: the metadata of stored files; the bytes live in the attachment store under storage_key
create table attachments (
    id            uuid primary key,
    storage_key   varchar(200) not null,
    filename      varchar(255) not null,
    content_type  varchar(200) not null,
    declared_type varchar(200),
    size_bytes    bigint       not null,
    sha256        varchar(64)  not null,
    uploaded_by   uuid references users (id),
    uploaded_at   timestamp with time zone not null,
    -- when something (a ticket's entry) took the file; files nobody took are discarded after a day
    claimed_at    timestamp with time zone,
    constraint attachments_key_uk unique (storage_key),
    constraint attachments_size_ck check (size_bytes >= 0)
);

-- which ticket a file was attached to, and whether the customer may see it (the visibility of its entry)
create index attachments_unclaimed_idx on attachments (claimed_at, uploaded_at);

create table ticket_attachments (
    attachment_id uuid primary key references attachments (id),
    ticket_id     uuid        not null references tickets (id),
    visibility    varchar(10) not null,
    attached_at   timestamp with time zone not null,
    constraint ticket_attachments_visibility_ck check (visibility in ('PUBLIC', 'INTERNAL'))
);
create index ticket_attachments_ticket_idx on ticket_attachments (ticket_id);

-- self-registration in the portal, per organization (off by default), for addresses of its mail domains
alter table organizations add column self_registration boolean not null default false;

-- single-use email verification of a self-registered account; only the token's SHA-256 is kept
create table portal_verifications (
    token_hash varchar(64) primary key,
    user_id    uuid not null references users (id) on delete cascade,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone
);
create index portal_verifications_user_idx on portal_verifications (user_id);
