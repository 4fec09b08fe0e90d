package org.baton.ticket;

/** How quickly the business needs it: HIGH (work has stopped), MEDIUM (work is hampered), LOW (it can wait). */
public enum Urgency {
    HIGH, MEDIUM, LOW
}
