package org.baton.ticket;

/** What a pending ticket waits for. */
public enum PendingReason {
    CUSTOMER("Waiting for the customer"),
    THIRD_PARTY("Waiting for a third party"),
    APPROVAL("Waiting for approval");

    private final String label;

    PendingReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
