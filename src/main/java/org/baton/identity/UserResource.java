package org.baton.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A user account as the API shows it; never any password data. */
@Schema(name = "User", description = "A customer of one organization, or a member of staff.")
record UserResource(
        UUID id,
        @Schema(example = "jdoe") String username,
        @Schema(example = "jane.doe@acme.example") String email,
        @Schema(example = "Jane Doe") String displayName,
        @Schema(example = "CUSTOMER") Role role,
        @Schema(description = "The customer's organization; null for staff.") @Nullable UUID organizationId,
        @Schema(example = "+49 30 1234567") String phone,
        @Schema(example = "Berlin, 3rd floor") String location,
        @Schema(example = "Europe/Berlin") String timeZone,
        boolean active,
        @Schema(description = "The support groups a member of staff belongs to.") List<UUID> groupIds,
        @Nullable Instant lastSignInAt,
        Instant createdAt,
        @Schema(description = "Also sent as the ETag.", example = "0") long version) {

    static UserResource of(User user) {
        return new UserResource(user.id().value(), user.username(), user.email(), user.displayName(), user.role(),
                user.organizationId() == null ? null : user.organizationId().value(), user.phone(), user.location(),
                user.timeZone().getId(), user.active(), user.groupIds().stream().map(SupportGroupId::value).sorted().toList(),
                user.lastSignInAt(), user.createdAt(), user.version());
    }
}
