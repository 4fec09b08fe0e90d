-- H2 has no partial indexes: the unassigned queue's filter columns lead a plain index instead
-- (PostgreSQL: a partial index, see db/vendor/postgresql/V8__unassigned_queue_index.sql).
create index tickets_unassigned_due_idx on tickets (status, owner_id, sla_due_at, id);
