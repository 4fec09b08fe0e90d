package org.baton.identity;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A team that works tickets: the service desk, or a group that receives hand-offs (field services,
 * network, procurement or HR approval, vendor liaison).
 *
 * @param servesAllOrganizations true: its members see every organization; false: only {@code organizationIds}
 */
public record SupportGroup(
        SupportGroupId id,
        String name,
        SupportGroupKind kind,
        String description,
        @Nullable String email,
        boolean servesAllOrganizations,
        Set<OrganizationId> organizationIds,
        Set<UserId> memberIds,
        boolean active,
        Instant createdAt,
        long version) {

    public SupportGroup {
        organizationIds = Set.copyOf(organizationIds);
        memberIds = Set.copyOf(memberIds);
    }
}
