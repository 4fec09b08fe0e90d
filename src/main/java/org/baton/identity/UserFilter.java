package org.baton.identity;

import org.jspecify.annotations.Nullable;

/** What a user list is narrowed to; every part is optional. */
record UserFilter(
        @Nullable Role role,
        @Nullable OrganizationId organizationId,
        @Nullable SupportGroupId supportGroupId,
        @Nullable Boolean active,
        @Nullable String search) {

    static final UserFilter NONE = new UserFilter(null, null, null, null, null);
}
