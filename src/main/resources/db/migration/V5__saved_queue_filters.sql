-- Saved queue filters: an agent names the current queue tab, filters and sort, and sees it as an extra tab.
-- Private to the user who saved it. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL 15+.
create table saved_queue_filters (
    id              uuid primary key,
    user_id         uuid         not null references users (id) on delete cascade,
    name            varchar(60)  not null,
    queue_view      varchar(20)  not null,
    priority        varchar(10),
    ticket_type     varchar(20),
    organization_id uuid references organizations (id) on delete cascade,
    sort_order      varchar(10)  not null,
    created_at      timestamp with time zone not null,
    constraint saved_queue_filters_name_uk unique (user_id, name),
    constraint saved_queue_filters_view_ck check (queue_view in ('MINE', 'GROUP', 'UNASSIGNED', 'NEAR_BREACH', 'PENDING', 'OVERDUE')),
    constraint saved_queue_filters_sort_ck check (sort_order in ('DUE', 'UPDATED'))
);

-- queue counts and pages: open tickets by status within the owner's and the working group's lists are served by
-- the (owner_id | working_group_id, updated_at desc, id desc) indexes of V2; the near-breach tab by
-- tickets_sla_due_idx (V4) and the overdue tab by tickets_next_update_idx (V2).
