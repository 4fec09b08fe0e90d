package org.baton.ticket;

/** How the contact reached the desk. */
public enum Channel {
    PHONE, EMAIL, PORTAL, API, MONITORING, WALK_IN,
    /** Created by a recurring operational-task schedule. */
    SCHEDULE,
    /** Any other way an agent was reached (a chat message, a note left at the desk). */
    OTHER
}
