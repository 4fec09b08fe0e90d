-- The open queue filtered by organization or by one priority (the API's and the console's most common lists): the
-- planner walked the whole open-tickets index and fetched every row to filter it (open and one organization of 20:
-- 724 buffers, 1.3 ms; open and P2: 397 buffers, 1.9 ms per first page on the 1M desk). These small partial indexes
-- hold only open tickets, in the queue's order, so a page reads its own rows only. The queries name is_open as a literal
-- so that a prepared statement's plan may use them. H2 has no partial indexes; its plan is unaffected.
create index tickets_org_open_idx on tickets (organization_id, updated_at desc, id desc) where is_open;
create index tickets_priority_open_idx on tickets (priority, updated_at desc, id desc) where is_open;
