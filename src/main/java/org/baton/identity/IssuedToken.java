package org.baton.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A token just created: the only answer that ever carries its secret. */
@Schema(name = "IssuedToken", description = "A new personal API token; the secret in token is shown only this once.")
record IssuedToken(
        UUID id,
        @Schema(example = "backup script") String name,
        @Schema(example = "baton_Xy12ab") String prefix,
        @Schema(example = "ACTIVE") String state,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Schema(description = "The secret: send it as 'Authorization: Bearer <token>'. Store it now; it cannot be shown again.",
                example = "baton_Xy12abcdefghijklmnopqrstuvwxyz0123456789ABCDE") String token) {

    static IssuedToken of(ApiTokens.Issued issued, Instant now) {
        ApiToken token = issued.token();
        return new IssuedToken(token.id(), token.name(), token.prefix(), TokenResource.of(token, now).state(), token.createdAt(),
                token.expiresAt(), issued.secret());
    }

    @Override
    public String toString() {
        return "IssuedToken[id=" + id + ", name=" + name + ", token=***]";
    }
}
