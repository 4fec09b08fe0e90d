package org.baton.sla;

/** An SLA (the desk's promise to an organization) or an OLA (a support group's promise to the desk). */
enum PolicyKind {
    SLA,
    OLA
}
