/**
 * The ticket: one customer contact's record (incident, service request, problem or operational
 * task) with its unique number, priority, lifecycle, its accountable owner, hand-offs to working
 * groups, customer-visible status updates, links and the append-only timeline. Ownership and
 * hand-off live here because "every ticket past New has an owner" and "a hand-off never changes the
 * owner" are invariants of this one aggregate. Other modules read tickets through
 * {@link org.baton.ticket.TicketQueries} and react to the events published here.
 */
@ApplicationModule(displayName = "Tickets", allowedDependencies = {"shared", "api", "identity", "outbox", "attachment"})
@NullMarked
package org.baton.ticket;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
