package org.baton.ticket;

/** How much of the business is affected: HIGH (a site, a whole service), MEDIUM (a team), LOW (one person). */
public enum Impact {
    HIGH, MEDIUM, LOW
}
