package org.baton.ticket;

/** What a timeline entry records. */
public enum EntryKind {
    CREATED,
    FIELD_CHANGED,
    COMMENT,
    INTERNAL_NOTE,
    STATUS_CHANGED,
    OWNER_ASSIGNED,
    OWNERSHIP_TRANSFERRED,
    HANDED_OFF,
    HANDED_BACK,
    STATUS_UPDATE,
    CUSTOMER_NOTIFIED,
    RESOLVED,
    CLOSED,
    REOPENED,
    LINKED,
    MERGED
}
