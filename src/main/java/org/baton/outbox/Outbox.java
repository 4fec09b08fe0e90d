package org.baton.outbox;

import static org.baton.shared.SqlValues.instant;
import static org.baton.shared.SqlValues.requiredInstant;
import static org.baton.shared.SqlValues.requiredUuid;
import static org.baton.shared.SqlValues.timestamp;
import static org.baton.shared.SqlValues.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.baton.shared.Uuids;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes side effects into the outbox. {@link #enqueue} must run inside the transaction of the change
 * that causes the message: it joins it, so the message exists exactly when the change does.
 */
@Service
public class Outbox {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;
    private final Clock clock;

    Outbox(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.clock = clock;
    }

    private static final String INSERT = "insert into outbox (id, kind, aggregate_id, recipient, subject, payload, created_at, "
            + "next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?)";

    /** Adds a message to the outbox within the caller's transaction; it fails if there is none. Returns its id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID enqueue(OutboxMessage message) {
        Object[] row = row(message, clock.instant().truncatedTo(ChronoUnit.MICROS));
        batch.update(INSERT, row);
        return (UUID) row[0];
    }

    /** Adds messages to the outbox within the caller's transaction, in one batch of statements; it fails if there is none. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueueAll(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        batch.batchUpdate(INSERT, messages.stream().map(m -> row(m, now)).toList());
    }

    /** A message as the parameters of {@link #INSERT}: a new id, due for its first attempt at once. */
    private Object[] row(OutboxMessage m, Instant now) {
        Object at = timestamp(now);
        return new Object[] {Uuids.timeOrdered(now), m.kind(), m.aggregateId(), m.recipient(), m.subject(),
                json.writeValueAsString(m.payload()), at, at};
    }

    /** The messages about one record (a ticket), oldest first. */
    public List<PendingMessage> about(UUID aggregateId) {
        return jdbc.sql("select * from outbox where aggregate_id = :id order by created_at, id")
                .param("id", aggregateId)
                .query(Outbox::row)
                .list();
    }

    /**
     * Up to {@code limit} messages of {@code kinds} due at {@code now} (neither delivered nor dead, next attempt
     * reached), oldest first. Nothing is locked: a channel runs on one node at a time (a db-scheduler task) and marks
     * each message with {@link #delivered} or {@link #failed}.
     */
    public List<PendingMessage> due(Collection<String> kinds, Instant now, int limit) {
        return jdbc.sql("select * from outbox where delivered_at is null and dead_at is null and next_attempt_at <= :now "
                        + "and kind in (:kinds) order by created_at, id fetch first :limit rows only")
                .param("now", timestamp(now))
                .param("kinds", List.copyOf(kinds))
                .param("limit", limit)
                .query(Outbox::row)
                .list();
    }

    /** Marks a message delivered at {@code at}; false if it was already delivered. */
    public boolean delivered(UUID id, Instant at) {
        return jdbc.sql("update outbox set delivered_at = :at, dead_at = null where id = :id and delivered_at is null")
                .param("at", timestamp(at.truncatedTo(ChronoUnit.MICROS)))
                .param("id", id)
                .update() == 1;
    }

    /**
     * Records a failed attempt: one more attempt, its error, and either the next attempt or, when {@code dead}, that the
     * channel gives up on it (it stays in the outbox, visible, until {@link #retryNow}).
     */
    public void failed(UUID id, String error, Instant nextAttemptAt, boolean dead, Instant at) {
        jdbc.sql("update outbox set attempts = attempts + 1, last_error = :error, next_attempt_at = :next, dead_at = :dead "
                        + "where id = :id and delivered_at is null")
                .param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                .param("next", timestamp(nextAttemptAt.truncatedTo(ChronoUnit.MICROS)))
                .param("dead", dead ? timestamp(at.truncatedTo(ChronoUnit.MICROS)) : null)
                .param("id", id)
                .update();
    }

    /** Makes an undelivered message (dead or waiting) due at {@code now}; false if there is none with that id. */
    public boolean retryNow(UUID id, Instant now) {
        return jdbc.sql("update outbox set next_attempt_at = :now, dead_at = null where id = :id and delivered_at is null")
                .param("now", timestamp(now.truncatedTo(ChronoUnit.MICROS)))
                .param("id", id)
                .update() == 1;
    }

    /** One message, delivered or not. */
    public Optional<PendingMessage> find(UUID id) {
        return jdbc.sql("select * from outbox where id = :id").param("id", id).query(Outbox::row).optional();
    }

    /** Undelivered messages of {@code kinds}: the dead first (most recent first), then the waiting by next attempt. */
    public List<PendingMessage> undelivered(Collection<String> kinds, int limit) {
        return jdbc.sql("select * from outbox where delivered_at is null and kind in (:kinds) "
                        + "order by case when dead_at is null then 1 else 0 end, dead_at desc, next_attempt_at, created_at, id "
                        + "fetch first :limit rows only")
                .param("kinds", List.copyOf(kinds))
                .param("limit", limit)
                .query(Outbox::row)
                .list();
    }

    /** How many messages of {@code kinds} wait for delivery (undelivered and not dead). */
    public long waiting(Collection<String> kinds) {
        return count("dead_at is null", kinds);
    }

    /** How many messages of {@code kinds} a channel gave up on. */
    public long dead(Collection<String> kinds) {
        return count("dead_at is not null", kinds);
    }

    private long count(String condition, Collection<String> kinds) {
        return jdbc.sql("select count(*) from outbox where delivered_at is null and " + condition + " and kind in (:kinds)")
                .param("kinds", List.copyOf(kinds))
                .query(Long.class)
                .single();
    }

    private static PendingMessage row(ResultSet rs, int n) throws SQLException {
        return new PendingMessage(requiredUuid(rs, "id"), rs.getString("kind"), uuid(rs, "aggregate_id"),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("payload"),
                requiredInstant(rs, "created_at"), rs.getInt("attempts"), instant(rs, "delivered_at"),
                requiredInstant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "dead_at"));
    }
}
