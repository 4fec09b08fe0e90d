package org.baton.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What a client sends to create a personal API token for themselves. */
@Schema(name = "NewToken")
record NewToken(
        @Schema(example = "backup script", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String name,
        @Schema(example = "2027-01-31T00:00:00Z", description = "When it stops working; leave it out for a token that does not expire.")
                @Nullable Instant expiresAt) {}
