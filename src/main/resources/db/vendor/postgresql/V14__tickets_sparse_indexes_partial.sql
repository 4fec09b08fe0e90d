-- Two indexes of tickets cover a column that is null on almost every ticket: merged_into_id (set only on a duplicate
-- merged into another) and schedule_id (set only on a task a recurring schedule made). Every ticket written, a create
-- and every change of one (a change of updated_at is never a heap-only update), still added an entry to each, for
-- the nulls nobody looks up. Partial indexes hold only the tickets that have a value: a lookup by merged_into_id or by
-- schedule and period still uses them (an equality implies not null), and uniqueness of (schedule_id, schedule_period)
-- is unchanged (nulls were never equal to each other). H2 has no partial indexes; there they stay as they were.
drop index tickets_merged_into_idx;
create index tickets_merged_into_idx on tickets (merged_into_id) where merged_into_id is not null;
alter table tickets drop constraint tickets_schedule_period_uk;
create unique index tickets_schedule_period_uk on tickets (schedule_id, schedule_period) where schedule_id is not null;
