package org.baton.identity;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A person who signs in to Baton: a customer of one organization, or a member of staff.
 *
 * @param organizationId set for customers, null for staff
 * @param groupIds the support groups a member of staff belongs to
 */
public record User(
        UserId id,
        String username,
        String email,
        String displayName,
        Role role,
        @Nullable OrganizationId organizationId,
        String phone,
        String location,
        ZoneId timeZone,
        boolean active,
        Set<SupportGroupId> groupIds,
        @Nullable Instant lastSignInAt,
        Instant createdAt,
        long version) {

    public User {
        groupIds = Set.copyOf(groupIds);
    }
}
