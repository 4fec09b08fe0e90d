package org.baton.ticket;

/** How the contact reached the desk. */
public enum Channel {
    PHONE, EMAIL, PORTAL, API, MONITORING, WALK_IN,
    /** Created by a recurring operational-task schedule. */
    SCHEDULE
}
