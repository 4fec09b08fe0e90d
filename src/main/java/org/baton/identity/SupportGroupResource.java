package org.baton.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A support group as the API shows it to staff. */
@Schema(name = "SupportGroup", description = "A team that works tickets.")
record SupportGroupResource(
        UUID id,
        @Schema(example = "Network") String name,
        @Schema(example = "NETWORK") SupportGroupKind kind,
        String description,
        @Schema(example = "network@desk.example") @Nullable String email,
        @Schema(description = "True: its members serve every organization; false: only organizationIds.") boolean servesAllOrganizations,
        List<UUID> organizationIds,
        List<UUID> memberIds,
        boolean active,
        Instant createdAt,
        @Schema(description = "Also sent as the ETag.", example = "0") long version) {

    static SupportGroupResource of(SupportGroup group) {
        return new SupportGroupResource(group.id().value(), group.name(), group.kind(), group.description(), group.email(),
                group.servesAllOrganizations(), group.organizationIds().stream().map(OrganizationId::value).sorted().toList(),
                group.memberIds().stream().map(UserId::value).sorted().toList(), group.active(), group.createdAt(), group.version());
    }
}
