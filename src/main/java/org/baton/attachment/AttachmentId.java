package org.baton.attachment;

import java.util.Objects;
import java.util.UUID;

/** The id of a stored attachment. */
public record AttachmentId(UUID value) {

    public AttachmentId {
        Objects.requireNonNull(value);
    }

    public static AttachmentId random() {
        return new AttachmentId(UUID.randomUUID());
    }

    /** The id written as text, or empty when {@code text} is not an id. */
    public static java.util.Optional<AttachmentId> parse(String text) {
        try {
            return java.util.Optional.of(new AttachmentId(UUID.fromString(text.strip())));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
