package org.baton.ticket;

/** Who sees a timeline entry: PUBLIC entries are shown to the customer, INTERNAL ones only to staff. */
public enum Visibility {
    PUBLIC, INTERNAL
}
