package org.baton.identity;

/** What a support group does; the service desk takes first contact, the others receive hand-offs. */
public enum SupportGroupKind {
    SERVICE_DESK("Service desk"),
    FIELD_SERVICES("Field services / on-site"),
    NETWORK("Network"),
    PROCUREMENT("Procurement approval"),
    HR("HR approval"),
    VENDOR_LIAISON("Vendor liaison"),
    OTHER("Other");

    private final String label;

    SupportGroupKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
