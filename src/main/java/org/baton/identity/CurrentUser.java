package org.baton.identity;

import java.time.ZoneId;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in user of this request, read fresh from the directory on every request so that a
 * deactivated user or a changed role takes effect at once. Controllers receive it as an argument.
 *
 * @param organizationId the customer's organization; null for staff
 * @param scope the organizations whose data this user may see
 * @param seesOrganizationWide for a customer: whether they see their colleagues' tickets too
 *     (their organization allows it); always true for staff within their scope
 */
public record CurrentUser(
        UserId id,
        String username,
        String displayName,
        String email,
        Role role,
        @Nullable OrganizationId organizationId,
        ZoneId timeZone,
        Set<SupportGroupId> groupIds,
        OrganizationScope scope,
        boolean seesOrganizationWide) {

    /** The request attribute under which the security filters leave the current user. */
    public static final String REQUEST_ATTRIBUTE = CurrentUser.class.getName();

    public CurrentUser {
        groupIds = Set.copyOf(groupIds);
    }

    public boolean isStaff() {
        return role.isStaff();
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isCustomer() {
        return role == Role.CUSTOMER;
    }

    public boolean canSee(OrganizationId organization) {
        return scope.includes(organization);
    }
}
