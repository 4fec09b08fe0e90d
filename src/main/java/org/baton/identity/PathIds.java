package org.baton.identity;

import java.util.UUID;
import org.baton.shared.NotFound;

/**
 * Reads ids from API paths. A path segment that is not a UUID names nothing, so it is answered like
 * an unknown id (404), never as a server error.
 */
final class PathIds {

    private PathIds() {}

    static UUID uuid(String kind, String raw) {
        try {
            if (raw.length() == 36) {
                return UUID.fromString(raw);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new NotFound(kind, raw);
    }

    static OrganizationId organization(String raw) {
        return new OrganizationId(uuid("organization", raw));
    }

    static UserId user(String raw) {
        return new UserId(uuid("user", raw));
    }

    static SupportGroupId supportGroup(String raw) {
        return new SupportGroupId(uuid("support group", raw));
    }
}
