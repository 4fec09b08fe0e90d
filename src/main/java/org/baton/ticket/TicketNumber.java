package org.baton.ticket;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A ticket's human-readable number, such as {@code INC-1042}: the type's prefix and a counter that is
 * never reused.
 */
public record TicketNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("(INC|REQ|PRB|OPS)-[1-9][0-9]{0,15}");

    public TicketNumber {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a ticket number: " + value);
        }
    }

    static TicketNumber of(TicketType type, long counter) {
        return new TicketNumber(type.prefix() + "-" + counter);
    }

    /** The number named by {@code text} (ignoring case and surrounding blanks); empty when it is not one. */
    public static Optional<TicketNumber> parse(String text) {
        String normalized = text.strip().toUpperCase(Locale.ROOT);
        return FORMAT.matcher(normalized).matches() ? Optional.of(new TicketNumber(normalized)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
