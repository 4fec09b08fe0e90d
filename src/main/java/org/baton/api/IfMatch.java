package org.baton.api;

import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code If-Match} header of an update: the version (ETag) the client last read. Baton's
 * ETags are the resource version, e.g. {@code "3"}. A missing header is a client mistake (400), so
 * nobody overwrites someone else's change by accident.
 */
public final class IfMatch {

    public static final String HEADER = "If-Match";

    private IfMatch() {}

    /**
     * The version named by {@code header}; null for {@code *} (any current version).
     *
     * @throws BadParameter naming {@code If-Match} when the header is missing or not an ETag Baton made
     */
    public static @Nullable Long version(@Nullable String header) {
        if (header == null || header.isBlank()) {
            throw new BadParameter(HEADER, "is required: send the ETag you received when you read the resource");
        }
        String value = header.strip();
        if (value.equals("*")) {
            return null;
        }
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameter(HEADER, "is not an ETag this API handed out");
    }
}
