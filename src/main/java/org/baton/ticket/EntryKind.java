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
    HANDOFF_ACCEPTED,
    STATUS_UPDATE,
    CUSTOMER_NOTIFIED,
    RESOLVED,
    CLOSED,
    REOPENED,
    LINKED,
    MERGED,
    /** A file was attached on its own (files sent with a reply or a new ticket are in that entry). */
    ATTACHMENT_ADDED,
    /** A service-level target was met or breached, or a warning before breach went out (written by the SLA module). */
    SERVICE_LEVEL
}
