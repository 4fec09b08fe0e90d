package org.baton.mail;

import static org.baton.shared.SqlValues.requiredInstant;
import static org.baton.shared.SqlValues.instant;
import static org.baton.shared.SqlValues.requiredUuid;
import static org.baton.shared.SqlValues.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import org.baton.shared.Uuids;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Repository;

/** The stored inbound messages (table {@code mail_intake}): raw source first, then what became of each. */
@Repository
class InboundMessages {

    enum State {
        RECEIVED, TICKET, ENTRY, IGNORED, FAILED, DISCARDED
    }

    /** A message fetched from a mailbox, about to be stored. */
    record Incoming(String key, InboundParser.Summary summary, byte[] raw) {}

    /** A stored message without its raw bytes; {@code references} only for a message just stored. */
    record Stored(UUID id, String mailbox, @Nullable String messageId, @Nullable String fromAddress, @Nullable String subject,
            int size, State state, @Nullable String outcome, @Nullable String ticketNumber, int attempts, Instant receivedAt,
            @Nullable Instant processedAt, List<String> references) {

        Stored(UUID id, String mailbox, @Nullable String messageId, @Nullable String fromAddress, @Nullable String subject,
                int size, State state, @Nullable String outcome, @Nullable String ticketNumber, int attempts, Instant receivedAt,
                @Nullable Instant processedAt) {
            this(id, mailbox, messageId, fromAddress, subject, size, state, outcome, ticketNumber, attempts, receivedAt, processedAt,
                    List.of());
        }

        Stored withReferences(List<String> references) {
            return new Stored(id, mailbox, messageId, fromAddress, subject, size, state, outcome, ticketNumber, attempts, receivedAt,
                    processedAt, references);
        }
    }

    private static final String COLUMNS = "id, mailbox, message_id, from_address, subject, size_bytes, state, outcome, ticket_number, "
            + "attempts, received_at, processed_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transactions;

    InboundMessages(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transactions = transactions;
    }

    /**
     * Stores a batch of messages in one transaction, each once per mailbox and key, and answers the stored rows in the
     * batch's order (a message stored before keeps its state, so it is not processed again).
     */
    List<Stored> keepAll(String mailbox, List<Incoming> batch, Instant now) {
        String box = InboundParser.clip(mailbox, 100);
        return java.util.Objects.requireNonNull(transactions.execute(tx -> {
            jdbcTemplate.batchUpdate("insert into mail_intake (id, mailbox, message_key, message_id, from_address, subject, raw, size_bytes, "
                            + "state, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?) on conflict do nothing",
                    batch, 100, (ps, m) -> {
                        ps.setObject(1, Uuids.timeOrdered(now));
                        ps.setString(2, box);
                        ps.setString(3, m.key());
                        ps.setString(4, m.summary().messageId() == null ? null : InboundParser.clip(m.summary().messageId(), 998));
                        ps.setString(5, m.summary().from() == null ? null : InboundParser.clip(m.summary().from(), 320));
                        ps.setString(6, m.summary().subject() == null ? null : InboundParser.clip(m.summary().subject(), 1000));
                        ps.setBytes(7, m.raw());
                        ps.setInt(8, m.raw().length);
                        ps.setObject(9, timestamp(now));
                    });
            Map<String, Stored> byKey = new HashMap<>();
            List<String> keys = batch.stream().map(Incoming::key).distinct().toList();
            for (int i = 0; i < keys.size(); i += 500) {
                jdbc.sql("select message_key, " + COLUMNS + " from mail_intake where mailbox = :mailbox and message_key in (:keys)")
                        .param("mailbox", box).param("keys", keys.subList(i, Math.min(keys.size(), i + 500)))
                        .query((rs, n) -> byKey.put(rs.getString("message_key"), row(rs, n))).list();
            }
            List<Stored> stored = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Incoming m : batch) {
                Stored s = byKey.get(m.key());
                if (s != null && seen.add(m.key())) {
                    stored.add(s.withReferences(m.summary().references()));
                }
            }
            return stored;
        }));
    }

    Optional<Stored> byId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from mail_intake where id = :id").param("id", id).query(InboundMessages::row).optional();
    }

    Optional<byte[]> raw(UUID id) {
        return jdbc.sql("select raw from mail_intake where id = :id").param("id", id).query((rs, n) -> rs.getBytes("raw")).optional();
    }

    /**
     * Takes a RECEIVED message for processing within the caller's transaction: the row stays locked until it commits, so a
     * second processing of the same message (an admin's retry during a poll) waits and then finds it taken.
     */
    boolean claim(UUID id) {
        return jdbc.sql("update mail_intake set version = version + 1 where id = :id and state = 'RECEIVED'").param("id", id).update() == 1;
    }

    /** Records what became of a message (with what it was found to be) and, for a ticket or entry, on which ticket. */
    void settle(UUID id, State state, @Nullable String outcome, @Nullable String ticketNumber, @Nullable String messageId,
            @Nullable String from, String subject, Instant now) {
        jdbc.sql("update mail_intake set state = :state, outcome = :outcome, ticket_number = :ticket, message_id = :messageId, "
                        + "from_address = :from, subject = :subject, attempts = attempts + 1, processed_at = :now, version = version + 1 "
                        + "where id = :id")
                .param("id", id)
                .param("state", state.name())
                .param("outcome", outcome == null ? null : InboundParser.clip(outcome, 2000))
                .param("ticket", ticketNumber)
                .param("messageId", messageId == null ? null : InboundParser.clip(messageId, 998))
                .param("from", from == null ? null : InboundParser.clip(from, 320))
                .param("subject", InboundParser.clip(subject, 1000))
                .param("now", timestamp(now))
                .update();
    }

    void fail(UUID id, String error, Instant now) {
        jdbc.sql("update mail_intake set state = 'FAILED', outcome = :error, attempts = attempts + 1, processed_at = :now, "
                        + "version = version + 1 where id = :id")
                .param("id", id).param("error", InboundParser.clip(error, 2000)).param("now", timestamp(now)).update();
    }

    /** Puts a failed message back to be processed again; false when it is not failed (any more). */
    boolean requeue(UUID id) {
        return jdbc.sql("update mail_intake set state = 'RECEIVED', version = version + 1 where id = :id and state = 'FAILED'")
                .param("id", id).update() == 1;
    }

    boolean discard(UUID id, String by, Instant now) {
        return jdbc.sql("update mail_intake set state = 'DISCARDED', outcome = :outcome, processed_at = :now, version = version + 1 "
                        + "where id = :id and state = 'FAILED'")
                .param("id", id)
                .param("outcome", "discarded by " + InboundParser.clip(by, 200))
                .param("now", timestamp(now))
                .update() == 1;
    }

    /** Messages stored but not processed (the node stopped in between), oldest first. */
    List<UUID> unprocessed(int limit) {
        return jdbc.sql("select id from mail_intake where state = 'RECEIVED' order by received_at, id fetch first " + limit + " rows only")
                .query((rs, n) -> requiredUuid(rs, "id")).list();
    }

    /** The failed-intake list, newest first, after the cursor (received_at, id) of the previous page. */
    List<Stored> failed(@Nullable Instant beforeAt, @Nullable UUID beforeId, int limit) {
        String where = beforeAt == null ? "" : " and (received_at < :at or (received_at = :at and id < :id))";
        var sql = jdbc.sql("select " + COLUMNS + " from mail_intake where state = 'FAILED'" + where
                + " order by received_at desc, id desc fetch first " + limit + " rows only");
        if (beforeAt != null) {
            sql = sql.param("at", timestamp(beforeAt)).param("id", beforeId);
        }
        return sql.query(InboundMessages::row).list();
    }

    int failedCount() {
        return jdbc.sql("select count(*) from mail_intake where state = 'FAILED'").query(Integer.class).single();
    }

    /** The ticket an earlier inbound message with one of these Message-IDs went to, trying them in order. */
    Optional<String> ticketOf(List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        List<String> ids = messageIds.stream().map(id -> InboundParser.clip(id, 998)).toList();
        List<String[]> found = jdbc.sql("select message_id, ticket_number from mail_intake where message_id in (:ids) "
                        + "and ticket_number is not null and state in ('TICKET', 'ENTRY')")
                .param("ids", ids)
                .query((rs, n) -> new String[] {rs.getString("message_id"), rs.getString("ticket_number")})
                .list();
        for (String id : ids) {
            for (String[] row : found) {
                if (row[0].equals(id)) {
                    return Optional.of(row[1]);
                }
            }
        }
        return Optional.empty();
    }

    /** How many tickets mail from {@code address} opened since {@code since}. */
    int ticketsOpenedBy(String address, Instant since) {
        return jdbc.sql("select count(*) from mail_intake where from_address = :from and state = 'TICKET' and processed_at >= :since")
                .param("from", address).param("since", timestamp(since)).query(Integer.class).single();
    }

    private static Stored row(ResultSet rs, int n) throws SQLException {
        return new Stored(requiredUuid(rs, "id"), rs.getString("mailbox"), rs.getString("message_id"), rs.getString("from_address"),
                rs.getString("subject"), rs.getInt("size_bytes"), State.valueOf(rs.getString("state")), rs.getString("outcome"),
                rs.getString("ticket_number"), rs.getInt("attempts"), requiredInstant(rs, "received_at"), instant(rs, "processed_at"));
    }
}
