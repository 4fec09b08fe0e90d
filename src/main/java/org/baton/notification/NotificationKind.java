package org.baton.notification;

/** Why someone was told. */
enum NotificationKind {
    HANDED_OFF("Hand-off"),
    SLA_WARNING("SLA warning"),
    SLA_BREACHED("SLA breached"),
    CUSTOMER_REPLIED("Customer reply");

    private final String label;

    NotificationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
