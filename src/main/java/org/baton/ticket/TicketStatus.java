package org.baton.ticket;

/** Where a ticket is in its lifecycle. Which moves are allowed depends on the type: see {@link Lifecycle}. */
public enum TicketStatus {
    NEW("New"),
    ASSIGNED("Assigned"),
    IN_PROGRESS("In progress"),
    PENDING("Pending"),
    /** Problems only: the root cause is known and a workaround documented. */
    KNOWN_ERROR("Known error"),
    RESOLVED("Resolved"),
    CLOSED("Closed"),
    CANCELLED("Cancelled");

    private final String label;

    TicketStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether work is still outstanding: not resolved, closed or cancelled. */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED && this != CANCELLED;
    }
}
