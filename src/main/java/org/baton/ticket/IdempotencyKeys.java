package org.baton.ticket;

import static org.baton.shared.SqlValues.requiredInstant;
import static org.baton.shared.SqlValues.timestamp;

import java.time.Instant;
import java.util.Optional;
import org.baton.identity.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The answers given to POST requests that carried an {@code Idempotency-Key}, per user, kept for 24 hours. */
@Repository
class IdempotencyKeys {

    /** The first answer to a key: its request's hash and what was answered. */
    record Answer(String requestHash, int status, @Nullable String location, String body, Instant createdAt) {}

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Answer> find(UserId user, String key) {
        return jdbc.sql("select request_hash, status, location, response_body, created_at from idempotency_keys "
                        + "where user_id = :user and idem_key = :key")
                .param("user", user.value())
                .param("key", key)
                .query((rs, n) -> new Answer(rs.getString("request_hash"), rs.getInt("status"), rs.getString("location"),
                        rs.getString("response_body"), requiredInstant(rs, "created_at")))
                .optional();
    }

    /** Records the answer; fails with a duplicate-key error when another request with this key got there first. */
    void insert(UserId user, String key, Answer answer) {
        jdbc.sql("insert into idempotency_keys (user_id, idem_key, request_hash, status, location, response_body, created_at) "
                        + "values (:user, :key, :hash, :status, :location, :body, :at)")
                .param("user", user.value())
                .param("key", key)
                .param("hash", answer.requestHash())
                .param("status", answer.status())
                .param("location", answer.location())
                .param("body", answer.body())
                .param("at", timestamp(answer.createdAt()))
                .update();
    }

    void forget(UserId user, String key) {
        jdbc.sql("delete from idempotency_keys where user_id = :user and idem_key = :key")
                .param("user", user.value())
                .param("key", key)
                .update();
    }

    int forgetOlderThan(Instant cutoff) {
        return jdbc.sql("delete from idempotency_keys where created_at < :cutoff").param("cutoff", timestamp(cutoff)).update();
    }
}
