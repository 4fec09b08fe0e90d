package org.baton.identity;

import static org.baton.shared.SqlValues.instant;
import static org.baton.shared.SqlValues.requiredInstant;
import static org.baton.shared.SqlValues.requiredUuid;
import static org.baton.shared.SqlValues.timestamp;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.baton.shared.InvalidInput;
import org.baton.shared.NotFound;
import org.baton.shared.Sha256;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: {@code baton_} followed by 256 random bits. Only a SHA-256 hash is stored (a
 * token has far more entropy than a password, so a fast hash is safe); the secret is shown once, at
 * creation. A token acts with its owner's rights and stops working when revoked, expired, or when
 * its owner is deactivated.
 */
@Service
@Transactional
class ApiTokens {

    static final String PREFIX = "baton_";
    private static final String COLUMNS = "id, user_id, name, token_prefix, created_at, expires_at, last_used_at, revoked_at";
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A token just made: the only time its secret is known. */
    record Issued(ApiToken token, String secret) {}

    Issued issue(UserId owner, String name, @Nullable Instant expiresAt) {
        String clean = name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw InvalidInput.of("name", "must be 1 to 100 characters");
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw InvalidInput.of("expiresAt", "must be in the future");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = new ApiToken(UUID.randomUUID(), owner, clean, secret.substring(0, PREFIX.length() + 6), now, expiresAt, null, null);
        jdbc.sql("insert into api_tokens (id, user_id, name, token_prefix, token_hash, created_at, expires_at) "
                        + "values (:id, :user, :name, :prefix, :hash, :createdAt, :expiresAt)")
                .param("id", token.id())
                .param("user", owner.value())
                .param("name", clean)
                .param("prefix", token.prefix())
                .param("hash", Sha256.hex(secret))
                .param("createdAt", timestamp(now))
                .param("expiresAt", timestamp(expiresAt))
                .update();
        return new Issued(token, secret);
    }

    List<ApiToken> of(UserId owner) {
        return jdbc.sql("select " + COLUMNS + " from api_tokens where user_id = :user order by created_at desc")
                .param("user", owner.value())
                .query(ApiTokens::row)
                .list();
    }

    /** Revokes one of {@code owner}'s tokens; another user's token is {@link NotFound}. */
    ApiToken revoke(UserId owner, UUID id) {
        ApiToken token = jdbc.sql("select " + COLUMNS + " from api_tokens where id = :id and user_id = :user")
                .param("id", id)
                .param("user", owner.value())
                .query(ApiTokens::row)
                .optional()
                .orElseThrow(() -> new NotFound("API token", id));
        if (token.revokedAt() == null) {
            events.publishEvent(DirectoryChanged.INSTANCE);
            jdbc.sql("update api_tokens set revoked_at = :now where id = :id")
                    .param("now", timestamp(clock.instant()))
                    .param("id", id)
                    .update();
        }
        return jdbc.sql("select " + COLUMNS + " from api_tokens where id = :id").param("id", id).query(ApiTokens::row).single();
    }

    /** The owner of a presented secret, if it is a usable token; records its use (to the minute). */
    Optional<UserId> authenticate(String secret) {
        if (!secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiToken> token = jdbc.sql("select " + COLUMNS + " from api_tokens where token_hash = :hash")
                .param("hash", Sha256.hex(secret))
                .query(ApiTokens::row)
                .optional()
                .filter(t -> t.usableAt(now));
        token.filter(t -> t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION)))
                .ifPresent(t -> jdbc.sql("update api_tokens set last_used_at = :now where id = :id")
                        .param("now", timestamp(now))
                        .param("id", t.id())
                        .update());
        return token.map(ApiToken::userId);
    }

    private static ApiToken row(ResultSet rs, int n) throws SQLException {
        return new ApiToken(requiredUuid(rs, "id"), new UserId(requiredUuid(rs, "user_id")), rs.getString("name"),
                rs.getString("token_prefix"), requiredInstant(rs, "created_at"), instant(rs, "expires_at"),
                instant(rs, "last_used_at"), instant(rs, "revoked_at"));
    }
}
