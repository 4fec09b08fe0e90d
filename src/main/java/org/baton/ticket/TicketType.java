package org.baton.ticket;

/** What kind of contact a ticket records; each type has its own number prefix and lifecycle. */
public enum TicketType {
    /** Something broke: restore service as fast as possible. */
    INCIDENT("INC", "Incident"),
    /** Something is needed (from the service catalog), possibly after approval. */
    SERVICE_REQUEST("REQ", "Service request"),
    /** The unknown cause of one or more incidents. */
    PROBLEM("PRB", "Problem"),
    /** Planned operational work (patching, checks), often created by a schedule. */
    OPERATIONAL_TASK("OPS", "Operational task");

    private final String prefix;
    private final String label;

    TicketType(String prefix, String label) {
        this.prefix = prefix;
        this.label = label;
    }

    public String prefix() {
        return prefix;
    }

    public String label() {
        return label;
    }

    /** The database sequence that numbers this type. */
    String sequence() {
        return "ticket_number_" + prefix.toLowerCase(java.util.Locale.ROOT);
    }
}
