package org.baton.ticket;

import java.util.Locale;
import java.util.Optional;

/**
 * A ticket's human-readable number, such as {@code INC-1042}: the type's prefix and a counter that is
 * never reused.
 */
public record TicketNumber(String value) {

    public TicketNumber {
        if (!valid(value)) {
            throw new IllegalArgumentException("not a ticket number: " + value);
        }
    }

    /**
     * Whether {@code text} is {@code (INC|REQ|PRB|OPS)-[1-9][0-9]{0,15}}, checked by hand: every ticket read from the
     * database is checked, and a regular expression's matcher took 5 % of Baton's time in the list endpoint.
     */
    static boolean valid(String text) {
        int length = text.length();
        if (length < 5 || length > 20 || text.charAt(3) != '-' || text.charAt(4) < '1' || text.charAt(4) > '9') {
            return false;
        }
        String prefix = text.substring(0, 3);
        if (!prefix.equals("INC") && !prefix.equals("REQ") && !prefix.equals("PRB") && !prefix.equals("OPS")) {
            return false;
        }
        for (int i = 5; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static TicketNumber of(TicketType type, long counter) {
        return new TicketNumber(type.prefix() + "-" + counter);
    }

    /** The number named by {@code text} (ignoring case and surrounding blanks); empty when it is not one. */
    public static Optional<TicketNumber> parse(String text) {
        String normalized = text.strip().toUpperCase(Locale.ROOT);
        return valid(normalized) ? Optional.of(new TicketNumber(normalized)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
