package org.baton.ticket;

/** What a hand-off asks the receiving group for. */
public enum HandoffNeed {
    ON_SITE_VISIT("On-site visit"),
    ACCESS("Access"),
    APPROVAL("Approval"),
    VENDOR_WARRANTY("Vendor warranty"),
    PROCUREMENT("Procurement"),
    EXPERTISE("Specialist expertise"),
    OTHER("Other");

    private final String label;

    HandoffNeed(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
