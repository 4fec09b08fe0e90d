-- "Mine": every queue page counts the viewer's open tickets (up to 1,000) for its tab. The planner misjudges how
-- few of an owner's tickets are open (it ANDed the owner index with the whole is_open index: 13.8 ms for an agent
-- owning 19,540 open of 32,091 tickets on the 1M desk, on every queue page). This small partial index (open tickets
-- only) answers the count directly. H2 has no partial indexes; its plan is unaffected.
create index tickets_owner_open_idx on tickets (owner_id, updated_at desc, id desc) where is_open;
