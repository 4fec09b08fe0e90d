package org.baton.identity;

import java.util.UUID;

/** Identifies one organization (an opaque UUID). */
public record OrganizationId(UUID value) {

    public static OrganizationId random() {
        return new OrganizationId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when {@code text} is not a UUID */
    public static OrganizationId parse(String text) {
        return new OrganizationId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
