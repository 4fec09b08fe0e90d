/**
 * Service levels: SLA policies (an organization's contract, or the default) with first-response, next-update
 * and resolution targets per ticket type and priority, OLA policies per support group with time-to-accept and
 * time-to-complete targets for hand-offs, and the clocks that measure every ticket against them on business
 * calendars. Clocks start, pause, resume, retarget and stop with the ticket's own events, in the same
 * transaction as the change; a cluster-wide sweep sends warnings before a breach and records the breach, each
 * exactly once, through the outbox. Other modules read a ticket's targets through
 * {@link org.baton.sla.ServiceLevels} and may react to {@link org.baton.sla.SlaWarningReached} and
 * {@link org.baton.sla.SlaBreached}.
 */
@ApplicationModule(displayName = "Service levels", allowedDependencies = {"shared", "api", "identity", "ticket", "outbox", "calendar"})
@NullMarked
package org.baton.sla;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
