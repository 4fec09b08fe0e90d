package org.baton.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.baton.identity.UserId;
import org.baton.shared.SqlValues;
import org.baton.shared.Uuids;
import org.baton.ticket.TicketId;
import org.baton.ticket.TicketNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every person's notifications, in SQL. */
@Repository
class Notifications {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Notifications(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Tells each of {@code users} once per {@code sourceKey} (a second call with the same key, a redelivered event,
     * changes nothing), in one batch of statements (an SLA warning tells a whole group at once).
     */
    void addAll(Collection<UserId> users, String sourceKey, NotificationKind kind, TicketId ticketId, TicketNumber number, String text,
            Instant at) {
        if (users.isEmpty()) {
            return;
        }
        String shown = text.length() > 500 ? text.substring(0, 499) + "…" : text;
        List<Object[]> rows = users.stream()
                .map(user -> new Object[] {Uuids.timeOrdered(at), user.value(), kind.name(), sourceKey, ticketId.value(), number.value(), shown,
                        SqlValues.timestamp(at)})
                .toList();
        batch.batchUpdate("insert into notifications (id, user_id, kind, source_key, ticket_id, ticket_number, text, created_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing", rows);
    }

    /** The newest of {@code user}'s notifications, unread first. */
    List<Notification> latest(UserId user, int limit) {
        return jdbc.sql("""
                select id, kind, ticket_number, text, created_at, read_at from notifications
                 where user_id = :user
                 order by case when read_at is null then 0 else 1 end, created_at desc, id
                 limit :limit""")
                .param("user", user.value())
                .param("limit", limit)
                .query((rs, n) -> new Notification(rs.getObject("id", UUID.class), NotificationKind.valueOf(rs.getString("kind")),
                        rs.getString("ticket_number"), rs.getString("text"), SqlValues.requiredInstant(rs, "created_at"),
                        SqlValues.instant(rs, "read_at")))
                .list();
    }

    int unread(UserId user) {
        return jdbc.sql("select count(*) from notifications where user_id = :user and read_at is null")
                .param("user", user.value())
                .query(Integer.class)
                .single();
    }

    void markRead(UserId user, Collection<UUID> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("update notifications set read_at = :at where user_id = :user and read_at is null and id in (:ids)")
                .param("at", SqlValues.timestamp(at))
                .param("user", user.value())
                .param("ids", List.copyOf(ids))
                .update();
    }

    int markAllRead(UserId user, Instant at) {
        return jdbc.sql("update notifications set read_at = :at where user_id = :user and read_at is null")
                .param("at", SqlValues.timestamp(at))
                .param("user", user.value())
                .update();
    }
}
