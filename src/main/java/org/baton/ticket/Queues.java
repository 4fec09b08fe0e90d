package org.baton.ticket;

import static org.baton.shared.SqlValues.timestamp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baton.identity.CurrentUser;
import org.baton.identity.SupportGroupId;
import org.baton.shared.DatabaseProduct;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The agent console's queues, in SQL: each tab is one condition on the tickets table served by one index, always
 * limited to what the viewer may see ({@link Tickets#visibility}). Counts stop at {@value #COUNT_CAP} rows, so a
 * count costs at most that many index entries however large the desk; pages are keyset pages (no offsets).
 */
@Repository
class Queues {

    /** Counts stop here; the page shows "999+". */
    static final int COUNT_CAP = 1000;
    /** "Near breach": a running target due within this long, or already late. */
    static final Duration NEAR_BREACH = Duration.ofHours(2);

    private final JdbcClient jdbc;
    private final DatabaseProduct database;

    Queues(JdbcClient jdbc, DatabaseProduct database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /** One page of a queue and the cursor of the next one (null on the last page). */
    record Page(List<Ticket> tickets, @Nullable String next) {}

    /** How many tickets are in the queue, at most {@link #COUNT_CAP}. */
    int count(CurrentUser viewer, QueueQuery query, Instant now) {
        Map<String, Object> p = new HashMap<>();
        String where = where(viewer, query, now, p);
        return jdbc.sql("select count(*) from (select 1 from tickets t" + where + " fetch first " + COUNT_CAP + " rows only) c")
                .params(p).query(Integer.class).single();
    }

    Page page(CurrentUser viewer, QueueQuery query, int size, Instant now) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder where = new StringBuilder(where(viewer, query, now, p));
        Cursor cursor = Cursor.parse(query.after());
        String order;
        if (query.sort() == QueueSort.UPDATED) {
            if (cursor != null && cursor.at() != null) {
                where.append(" and (t.updated_at < :afterAt or (t.updated_at = :afterAt and t.id < :afterId))");
                p.put("afterAt", timestamp(cursor.at()));
                p.put("afterId", cursor.id());
            }
            order = " order by t.updated_at desc, t.id desc";
        } else {
            // the nearest instant first, then the tickets without one (nulls last on H2 and PostgreSQL alike)
            String column = query.sort() == QueueSort.DUE ? "t.sla_due_at" : "t.next_update_due_at";
            if (cursor != null && cursor.at() != null) {
                where.append(" and (%1$s > :afterAt or (%1$s = :afterAt and t.id > :afterId) or %1$s is null)".formatted(column));
                p.put("afterAt", timestamp(cursor.at()));
                p.put("afterId", cursor.id());
            } else if (cursor != null) {
                where.append(" and ").append(column).append(" is null and t.id > :afterId");
                p.put("afterId", cursor.id());
            }
            order = " order by " + column + " asc nulls last, t.id asc";
        }
        String page = " from tickets t" + where + order + " fetch first " + (size + 1) + " rows only";
        List<Ticket> rows = new ArrayList<>(jdbc.sql(Tickets.pageOf(database, page, order))
                .params(p).query(Tickets.rows()).list());
        String next = null;
        if (rows.size() > size) {
            rows = new ArrayList<>(rows.subList(0, size));
            Ticket last = rows.getLast();
            next = Cursor.of(switch (query.sort()) {
                case DUE -> last.slaDueAt();
                case UPDATED -> last.updatedAt();
                case UPDATE_DUE -> last.nextUpdateDueAt();
            }, last.id().value());
        }
        return new Page(rows, next);
    }

    private static String where(CurrentUser viewer, QueueQuery query, Instant now, Map<String, Object> p) {
        StringBuilder where = new StringBuilder(" where ");
        switch (query.view()) {
            case MINE -> {
                where.append("t.owner_id = :me and t.is_open = true");
                p.put("me", viewer.id().value());
            }
            case GROUP -> {
                if (viewer.groupIds().isEmpty()) {
                    where.append("1 = 0");
                } else {
                    where.append("t.working_group_id in (:myGroups) and t.is_open = true");
                    p.put("myGroups", viewer.groupIds().stream().map(SupportGroupId::value).toList());
                }
            }
            case UNASSIGNED -> where.append("t.status = 'NEW' and t.owner_id is null");
            case NEAR_BREACH -> {
                where.append("t.sla_due_at < :soon and t.is_open = true");
                p.put("soon", timestamp(now.plus(NEAR_BREACH)));
            }
            case PENDING -> where.append("t.status = 'PENDING'");
            case OVERDUE -> {
                where.append("t.is_open = true and t.next_update_due_at < :now");
                p.put("now", timestamp(now));
            }
        }
        where.append(Tickets.visibility(viewer, p));
        if (query.priority() != null) {
            where.append(" and t.priority = :priority");
            p.put("priority", query.priority().name());
        }
        if (query.type() != null) {
            where.append(" and t.type = :type");
            p.put("type", query.type().name());
        }
        if (query.organizationId() != null) {
            where.append(" and t.organization_id = :organizationId");
            p.put("organizationId", query.organizationId().value());
        }
        return where.toString();
    }

    /** A position in a queue: the sort instant (null in the tail of tickets without a due instant) and id of the last row. */
    private record Cursor(@Nullable Instant at, UUID id) {

        static String of(@Nullable Instant at, UUID id) {
            return (at == null ? "none" : at.getEpochSecond() + "." + at.getNano()) + "_" + id;
        }

        /** The cursor, or null for none or one this page did not hand out (the first page then). */
        static @Nullable Cursor parse(@Nullable String key) {
            if (key == null || key.isBlank()) {
                return null;
            }
            try {
                int underscore = key.indexOf('_');
                String time = key.substring(0, underscore);
                UUID id = UUID.fromString(key.substring(underscore + 1));
                if (time.equals("none")) {
                    return new Cursor(null, id);
                }
                String[] parts = time.split("\\.");
                return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), id);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
