package org.baton.shared;

/**
 * A command conflicts with the current state (a transition that is not allowed, a ticket that is
 * already closed). {@code reason} is a stable slug that names the rule.
 */
public class Refused extends RuntimeException {

    private final String reason;

    public Refused(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
