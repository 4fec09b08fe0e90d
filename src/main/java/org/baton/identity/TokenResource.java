package org.baton.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A personal API token as listed to its owner: never the secret, only its first characters. */
@Schema(name = "Token", description = "A personal API token, without its secret.")
record TokenResource(
        UUID id,
        @Schema(example = "backup script") String name,
        @Schema(example = "baton_Xy12ab", description = "The first characters of the secret, to recognise it.") String prefix,
        @Schema(example = "ACTIVE", allowableValues = {"ACTIVE", "EXPIRED", "REVOKED"}) String state,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {

    static TokenResource of(ApiToken token, Instant now) {
        return new TokenResource(token.id(), token.name(), token.prefix(), token.state(now).toUpperCase(Locale.ROOT),
                token.createdAt(), token.expiresAt(), token.lastUsedAt(), token.revokedAt());
    }
}
