package org.baton.ticket;

import static org.baton.shared.SqlValues.requiredInstant;
import static org.baton.shared.SqlValues.timestamp;
import static org.baton.shared.SqlValues.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baton.identity.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The append-only store of timeline entries. There is no update and no delete. */
@Repository
class Timeline {

    /** An entry about to be written; {@code details} becomes a JSON object. */
    record Entry(EntryKind kind, Visibility visibility, @Nullable String body, @Nullable Map<String, ?> details) {

        static Entry of(EntryKind kind, Visibility visibility, @Nullable String body) {
            return new Entry(kind, visibility, body, null);
        }

        /** A change of one field, as {@code {"changes": {field: {"before": …, "after": …}}}}. */
        static Entry change(EntryKind kind, Visibility visibility, @Nullable String body, String field,
                @Nullable Object before, @Nullable Object after) {
            return new Entry(kind, visibility, body, Map.of("changes", Map.of(field, beforeAfter(before, after))));
        }

        static Map<String, @Nullable Object> beforeAfter(@Nullable Object before, @Nullable Object after) {
            Map<String, @Nullable Object> pair = new LinkedHashMap<>();
            pair.put("before", before == null ? null : before.toString());
            pair.put("after", after == null ? null : after.toString());
            return pair;
        }
    }

    private static final String SELECT = "select e.*, t.number from ticket_events e join tickets t on t.id = e.ticket_id";

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    Timeline(JdbcTemplate jdbcTemplate, JdbcClient jdbc, JsonMapper json) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.json = json;
    }

    void append(TicketId ticket, Actor actor, Instant at, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate(
                "insert into ticket_events (ticket_id, kind, visibility, actor_id, actor_name, occurred_at, body, details) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)",
                entries, entries.size(), (ps, e) -> {
                    ps.setObject(1, ticket.value());
                    ps.setString(2, e.kind().name());
                    ps.setString(3, e.visibility().name());
                    ps.setObject(4, actor.id() == null ? null : actor.id().value(), Types.OTHER);
                    ps.setString(5, actor.name());
                    ps.setObject(6, timestamp(at));
                    ps.setString(7, e.body());
                    ps.setString(8, e.details() == null ? null : json.writeValueAsString(e.details()));
                });
    }

    /**
     * One page of the entries on {@code tickets} (a ticket and those merged into it), oldest first,
     * after entry id {@code after}.
     */
    List<TimelineEntry> page(List<TicketId> tickets, boolean internalToo, long after, int fetchSize) {
        return jdbc.sql(SELECT + " where e.ticket_id in (:tickets) and e.id > :after"
                        + (internalToo ? "" : " and e.visibility = 'PUBLIC'")
                        + " order by e.id fetch first " + fetchSize + " rows only")
                .param("tickets", tickets.stream().map(TicketId::value).toList())
                .param("after", after)
                .query(Timeline::row)
                .list();
    }

    private static TimelineEntry row(ResultSet rs, int n) throws SQLException {
        UUID actor = uuid(rs, "actor_id");
        return new TimelineEntry(rs.getLong("id"), new TicketNumber(rs.getString("number")),
                EntryKind.valueOf(rs.getString("kind")), Visibility.valueOf(rs.getString("visibility")),
                actor == null ? null : new UserId(actor), rs.getString("actor_name"), requiredInstant(rs, "occurred_at"),
                rs.getString("body"), rs.getString("details"));
    }
}
