package org.baton.identity;

import java.util.UUID;

/** Identifies one support group (an opaque UUID). */
public record SupportGroupId(UUID value) {

    public static SupportGroupId random() {
        return new SupportGroupId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when {@code text} is not a UUID */
    public static SupportGroupId parse(String text) {
        return new SupportGroupId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
