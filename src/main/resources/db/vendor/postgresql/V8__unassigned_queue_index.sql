-- The "unassigned" queue (new tickets nobody owns yet, nearest SLA due first) walks this small partial index
-- instead of filtering the whole table: on the 1M-ticket desk its count and page took ~9 ms each (bench/console.sh).
create index tickets_unassigned_due_idx on tickets (sla_due_at, id) where status = 'NEW' and owner_id is null;
