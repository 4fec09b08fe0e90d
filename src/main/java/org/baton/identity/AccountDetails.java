package org.baton.identity;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What an administrator enters for a user account, when creating or changing it. */
public record AccountDetails(
        String username,
        String email,
        String displayName,
        Role role,
        @Nullable OrganizationId organizationId,
        String phone,
        String location,
        String timeZone,
        Set<SupportGroupId> groupIds,
        boolean active) {

    public AccountDetails {
        groupIds = Set.copyOf(groupIds);
    }
}
