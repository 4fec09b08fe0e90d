package org.baton.identity;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A personal API token as listed to its owner: never the secret itself, only the first characters
 * that let the owner recognise it.
 */
record ApiToken(UUID id, UserId userId, String name, String prefix, Instant createdAt, @Nullable Instant expiresAt,
        @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    public String state(Instant now) {
        if (revokedAt != null) {
            return "Revoked";
        }
        return expiresAt != null && !expiresAt.isAfter(now) ? "Expired" : "Active";
    }
}
