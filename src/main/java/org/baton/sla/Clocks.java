package org.baton.sla;

import static org.baton.shared.SqlValues.instant;
import static org.baton.shared.SqlValues.requiredInstant;
import static org.baton.shared.SqlValues.requiredUuid;
import static org.baton.shared.SqlValues.timestamp;
import static org.baton.shared.SqlValues.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.baton.calendar.CalendarId;
import org.baton.identity.SupportGroupId;
import org.baton.shared.DatabaseProduct;
import org.baton.ticket.TicketId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The store of target clocks and their pauses. Saves are optimistic: an update names the version it read. */
@Repository
class Clocks {

    private static final String INSERT = """
            insert into sla_clocks (id, ticket_id, metric, cycle, policy_id, support_group_id, calendar_id,
                target_seconds, promised_at, started_at, state, due_at, fired_percent, next_fire_at, next_fire_percent,
                breached_at, met_at, stopped_at, stop_reason, version)
            values (:id, :ticket, :metric, :cycle, :policy, :group, :calendar, :target, :promised, :started, :state,
                :due, :fired, :nextFire, :nextPercent, :breached, :met, :stopped, :reason, 0)
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final DatabaseProduct database;

    Clocks(JdbcClient jdbc, NamedParameterJdbcTemplate batch, DatabaseProduct database) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.database = database;
    }

    /** Every clock of a ticket, in the order they started. */
    List<TargetClock> of(TicketId ticket) {
        return ofTicket(ticket, "");
    }

    /** Every clock of a ticket, locked until the transaction ends, so a sweep and a ticket change never cross. */
    List<TargetClock> lockOf(TicketId ticket) {
        return ofTicket(ticket, " for update");
    }

    private List<TargetClock> ofTicket(TicketId ticket, String lock) {
        List<Row> rows = jdbc.sql("select * from sla_clocks where ticket_id = :ticket order by started_at, metric, cycle" + lock)
                .param("ticket", ticket.value())
                .query(Clocks::row)
                .list();
        return withPauses(rows);
    }

    /**
     * Locks and returns up to {@code limit} running clocks with something to fire by {@code now}, earliest first.
     * On PostgreSQL rows another transaction holds are skipped, so two sweeps never wait on each other.
     */
    List<TargetClock> lockDue(Instant now, int limit) {
        String lock = database.isPostgres() ? " for update skip locked" : " for update";
        List<Row> rows = jdbc.sql("select * from sla_clocks where next_fire_at <= :now order by next_fire_at fetch first "
                        + limit + " rows only" + lock)
                .param("now", timestamp(now))
                .query(Clocks::row)
                .list();
        return withPauses(rows);
    }

    /** The earliest instant anything fires, if any clock has something scheduled. */
    @Nullable Instant nextFiring() {
        return jdbc.sql("select min(next_fire_at) as first_fire from sla_clocks")
                .query((rs, n) -> Objects.requireNonNullElse(instant(rs, "first_fire"), Instant.MAX))
                .optional()
                .filter(first -> !first.equals(Instant.MAX))
                .orElse(null);
    }

    /**
     * Saves every clock as {@link #save} does; the new ones without pauses (a new ticket's first response and resolution)
     * in one batch of statements. False when someone else changed a stored one first.
     */
    boolean saveAll(List<TargetClock> clocks) {
        List<TargetClock> fresh = clocks.stream().filter(Clocks::newWithoutPauses).toList();
        if (fresh.size() < 2) {
            return clocks.stream().allMatch(this::save);
        }
        batch.batchUpdate(INSERT, SqlParameterSourceUtils.createBatch(fresh.stream().map(this::params).toList()));
        return clocks.stream().filter(c -> !newWithoutPauses(c)).allMatch(this::save);
    }

    /** A clock not stored yet that has no pauses to store: its one insert is all {@link #save} would write. */
    private static boolean newWithoutPauses(TargetClock clock) {
        return clock.version() < 0 && clock.pauses().isEmpty();
    }

    /** Inserts a new clock (version −1) or updates a stored one; false when someone else changed it first. */
    boolean save(TargetClock clock) {
        Map<String, @Nullable Object> p = params(clock);
        if (clock.version() < 0) {
            jdbc.sql(INSERT).params(p).update();
        } else {
            int rows = jdbc.sql("""
                    update sla_clocks set calendar_id = :calendar, target_seconds = :target, promised_at = :promised,
                        state = :state, due_at = :due, fired_percent = :fired, next_fire_at = :nextFire,
                        next_fire_percent = :nextPercent, breached_at = :breached, met_at = :met, stopped_at = :stopped,
                        stop_reason = :reason, version = version + 1
                     where id = :id and version = :version
                    """).params(p).update();
            if (rows != 1) {
                return false;
            }
        }
        savePauses(clock);
        return true;
    }

    /**
     * Writes what changed in the clock's pauses since they were read. A clock's pauses are only ever added, and the last
     * one ended: so the stored ones are a prefix of the clock's, of which at most the last was still open. Anything else
     * (not expected) rewrites them all.
     */
    private void savePauses(TargetClock clock) {
        List<TargetClock.Pause> stored = clock.storedPauses();
        List<TargetClock.Pause> now = clock.pauses();
        boolean prefix = stored.size() <= now.size();
        for (int i = 0; prefix && i < stored.size(); i++) {
            TargetClock.Pause was = stored.get(i);
            prefix = was.equals(now.get(i))
                    || (i == stored.size() - 1 && was.resumedAt() == null && was.pausedAt().equals(now.get(i).pausedAt()));
        }
        int from = stored.size();
        if (!prefix) {
            jdbc.sql("delete from sla_clock_pauses where clock_id = :id").param("id", clock.id()).update();
            from = 0;
        } else if (!stored.isEmpty() && !stored.getLast().equals(now.get(stored.size() - 1))) {
            TargetClock.Pause ended = now.get(stored.size() - 1);
            jdbc.sql("update sla_clock_pauses set resumed_at = :resumed where clock_id = :id and paused_at = :paused")
                    .param("resumed", timestamp(ended.resumedAt()))
                    .param("id", clock.id())
                    .param("paused", timestamp(ended.pausedAt()))
                    .update();
        }
        for (TargetClock.Pause pause : now.subList(from, now.size())) {
            jdbc.sql("insert into sla_clock_pauses (clock_id, paused_at, resumed_at) values (:id, :paused, :resumed)")
                    .param("id", clock.id())
                    .param("paused", timestamp(pause.pausedAt()))
                    .param("resumed", timestamp(pause.resumedAt()))
                    .update();
        }
    }

    /**
     * Records that {@code percent} of a clock fired; false if it already had (the table's key allows it once), so
     * nothing is ever sent twice even if two sweeps met.
     */
    boolean recordFiring(UUID clock, int percent, Instant firesAt, Instant firedAt) {
        // ON CONFLICT asks the primary key itself: no probe whose plan depends on table statistics
        int rows = jdbc.sql("""
                insert into sla_firings (clock_id, percent, fires_at, fired_at)
                values (:clock, :percent, :firesAt, :firedAt) on conflict do nothing
                """)
                .param("clock", clock)
                .param("percent", percent)
                .param("firesAt", timestamp(firesAt))
                .param("firedAt", timestamp(firedAt))
                .update();
        return rows == 1;
    }

    private Map<String, @Nullable Object> params(TargetClock c) {
        Map<String, @Nullable Object> p = new HashMap<>();
        p.put("id", c.id());
        p.put("ticket", c.ticketId().value());
        p.put("metric", c.target().name());
        p.put("cycle", c.cycle());
        p.put("policy", c.policyId());
        p.put("group", c.supportGroupId() == null ? null : c.supportGroupId().value());
        p.put("calendar", c.calendarId().value());
        p.put("target", c.amount().toSeconds());
        p.put("promised", timestamp(c.promisedAt()));
        p.put("started", timestamp(c.startedAt()));
        p.put("state", c.state().name());
        p.put("due", timestamp(c.dueAt()));
        p.put("fired", c.firedPercent());
        p.put("nextFire", timestamp(c.nextFireAt()));
        p.put("nextPercent", c.nextFirePercent() == 0 ? null : c.nextFirePercent());
        p.put("breached", timestamp(c.breachedAt()));
        p.put("met", timestamp(c.metAt()));
        p.put("stopped", timestamp(c.stoppedAt()));
        p.put("reason", c.stopReason());
        p.put("version", c.version());
        return p;
    }

    private record Row(TargetClock clock) {}

    private List<TargetClock> withPauses(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<TargetClock.Pause>> pauses = new HashMap<>();
        jdbc.sql("select * from sla_clock_pauses where clock_id in (:ids) order by paused_at")
                .param("ids", rows.stream().map(r -> r.clock().id()).toList())
                .query((rs, n) -> pauses.computeIfAbsent(requiredUuid(rs, "clock_id"), k -> new ArrayList<>())
                        .add(new TargetClock.Pause(requiredInstant(rs, "paused_at"), instant(rs, "resumed_at"))))
                .list();
        Map<UUID, TargetClock> clocks = new LinkedHashMap<>();
        for (Row row : rows) {
            TargetClock c = row.clock();
            List<TargetClock.Pause> own = pauses.getOrDefault(c.id(), List.of());
            clocks.put(c.id(), c.withPauses(own));
        }
        return List.copyOf(clocks.values());
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        UUID group = uuid(rs, "support_group_id");
        Integer nextPercent = (Integer) rs.getObject("next_fire_percent", Integer.class);
        return new Row(new TargetClock(requiredUuid(rs, "id"), new TicketId(requiredUuid(rs, "ticket_id")),
                ServiceTarget.valueOf(rs.getString("metric")), rs.getInt("cycle"), uuid(rs, "policy_id"),
                group == null ? null : new SupportGroupId(group), new CalendarId(requiredUuid(rs, "calendar_id")),
                Duration.ofSeconds(rs.getLong("target_seconds")), instant(rs, "promised_at"), requiredInstant(rs, "started_at"),
                TargetClock.State.valueOf(rs.getString("state")), List.of(), instant(rs, "due_at"), rs.getInt("fired_percent"),
                instant(rs, "next_fire_at"), nextPercent == null ? 0 : nextPercent, instant(rs, "breached_at"),
                instant(rs, "met_at"), instant(rs, "stopped_at"), rs.getString("stop_reason"), rs.getLong("version"), List.of()));
    }
}
