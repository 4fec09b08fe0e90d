package org.baton.sla;

/**
 * What a service level promises. The first three are SLA targets, owed to the customer; the last two are OLA
 * targets, owed by a support group to the owner after a hand-off.
 */
public enum ServiceTarget {
    /** From creation to the first customer-visible reply, status update or resolution by staff. */
    FIRST_RESPONSE(false, "First response"),
    /** From the first response (then from each status update) to the next status update. */
    NEXT_UPDATE(false, "Next update"),
    /** From creation to resolution: restoration for incidents, fulfilment for requests. */
    RESOLUTION(false, "Resolution"),
    /** From a hand-off to the group accepting it. */
    ACCEPT(true, "Accept hand-off"),
    /** From a hand-off to the group handing the work back (or the ticket being resolved). */
    COMPLETE(true, "Complete hand-off");

    private final boolean operational;
    private final String label;

    ServiceTarget(boolean operational, String label) {
        this.operational = operational;
        this.label = label;
    }

    /** Whether this is an OLA target (a support group's promise to the owner) rather than an SLA target. */
    public boolean operational() {
        return operational;
    }

    public String label() {
        return label;
    }
}
