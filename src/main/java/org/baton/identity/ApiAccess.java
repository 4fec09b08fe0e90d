package org.baton.identity;

import org.springframework.security.access.AccessDeniedException;

/**
 * Role checks for API operations that the caller may know about but not perform (403). Whether the
 * caller may see a thing at all is decided in the queries, and answered with 404.
 */
final class ApiAccess {

    private ApiAccess() {}

    static void requireAdmin(CurrentUser user) {
        if (!user.isAdmin()) {
            throw new AccessDeniedException("Only administrators may do this.");
        }
    }

    static void requireStaff(CurrentUser user) {
        if (!user.isStaff()) {
            throw new AccessDeniedException("Only staff may do this.");
        }
    }
}
