package org.baton.identity;

import java.util.Set;

/**
 * The organizations whose data a user may see: all of them, or exactly the listed ones (possibly
 * none). Queries filter by this scope in SQL, never after loading.
 */
public record OrganizationScope(boolean all, Set<OrganizationId> ids) {

    public static final OrganizationScope ALL = new OrganizationScope(true, Set.of());
    public static final OrganizationScope NONE = new OrganizationScope(false, Set.of());

    public OrganizationScope {
        ids = Set.copyOf(ids);
    }

    public static OrganizationScope only(Set<OrganizationId> ids) {
        return new OrganizationScope(false, ids);
    }

    public boolean includes(OrganizationId organization) {
        return all || ids.contains(organization);
    }
}
