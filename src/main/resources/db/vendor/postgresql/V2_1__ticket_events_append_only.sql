-- The timeline is append-only: PostgreSQL refuses any update or delete of a ticket event, whoever asks.
-- (H2 has no PL/pgSQL; there the application simply has no code path that changes an event.)
create function ticket_events_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'ticket events are append-only: % refused', tg_op;
end;
$$;

create trigger ticket_events_no_update before update or delete on ticket_events
    for each row execute function ticket_events_append_only();
