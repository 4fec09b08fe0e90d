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
import java.util.List;
import java.util.UUID;
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
    private final JsonMapper json;
    private final Clock clock;

    Outbox(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Adds a message to the outbox within the caller's transaction; it fails if there is none. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID enqueue(OutboxMessage message) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("insert into outbox (id, kind, aggregate_id, recipient, subject, payload, created_at, next_attempt_at) "
                        + "values (:id, :kind, :aggregate, :recipient, :subject, :payload, :now, :now)")
                .param("id", id)
                .param("kind", message.kind())
                .param("aggregate", message.aggregateId())
                .param("recipient", message.recipient())
                .param("subject", message.subject())
                .param("payload", json.writeValueAsString(message.payload()))
                .param("now", timestamp(now))
                .update();
        return id;
    }

    /** The messages about one record (a ticket), oldest first. */
    public List<PendingMessage> about(UUID aggregateId) {
        return jdbc.sql("select * from outbox where aggregate_id = :id order by created_at, id")
                .param("id", aggregateId)
                .query(Outbox::row)
                .list();
    }

    private static PendingMessage row(ResultSet rs, int n) throws SQLException {
        return new PendingMessage(requiredUuid(rs, "id"), rs.getString("kind"), uuid(rs, "aggregate_id"),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("payload"),
                requiredInstant(rs, "created_at"), rs.getInt("attempts"), instant(rs, "delivered_at"));
    }
}
