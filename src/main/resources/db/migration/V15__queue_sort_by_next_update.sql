-- A queue can be sorted by the promised next update, the earliest (the longest overdue) first: the overdue tab's
-- order, served by tickets_next_update_idx (is_open, next_update_due_at) from V2. A saved filter may keep that sort.
-- Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL 15+.
alter table saved_queue_filters drop constraint saved_queue_filters_sort_ck;
alter table saved_queue_filters add constraint saved_queue_filters_sort_ck check (sort_order in ('DUE', 'UPDATED', 'UPDATE_DUE'));
