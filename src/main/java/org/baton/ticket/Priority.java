package org.baton.ticket;

/**
 * How soon a ticket must be dealt with. Incidents, service requests and problems take P1–P4 from the
 * {@link PriorityMatrix impact × urgency matrix}; operational tasks have their own class, PLANNED,
 * and are measured against their due date instead.
 */
public enum Priority {
    P1("P1 · Critical"),
    P2("P2 · High"),
    P3("P3 · Medium"),
    P4("P4 · Low"),
    PLANNED("Planned");

    private final String label;

    Priority(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
