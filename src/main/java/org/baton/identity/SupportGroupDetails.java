package org.baton.identity;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What an administrator enters for a support group, when creating or changing it. */
public record SupportGroupDetails(
        String name,
        SupportGroupKind kind,
        String description,
        @Nullable String email,
        boolean servesAllOrganizations,
        Set<OrganizationId> organizationIds,
        Set<UserId> memberIds,
        boolean active) {

    public SupportGroupDetails {
        organizationIds = Set.copyOf(organizationIds);
        memberIds = Set.copyOf(memberIds);
    }
}
