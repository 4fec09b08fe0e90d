package org.baton.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The caller of an API request, as {@code GET /api/v1/me} shows them. */
@Schema(name = "Me", description = "The signed-in caller.")
record MeResource(
        UUID id,
        @Schema(example = "jdoe") String username,
        @Schema(example = "Jane Doe") String displayName,
        @Schema(example = "jane.doe@acme.example") String email,
        @Schema(example = "AGENT") Role role,
        @Schema(description = "The customer's organization; null for staff.") @Nullable UUID organizationId,
        @Schema(example = "Europe/Berlin") String timeZone,
        @Schema(description = "The support groups a member of staff belongs to.") List<UUID> groupIds) {

    static MeResource of(CurrentUser user) {
        return new MeResource(user.id().value(), user.username(), user.displayName(), user.email(), user.role(),
                user.organizationId() == null ? null : user.organizationId().value(), user.timeZone().getId(),
                user.groupIds().stream().map(SupportGroupId::value).sorted().toList());
    }
}
