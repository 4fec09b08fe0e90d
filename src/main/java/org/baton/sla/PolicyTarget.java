package org.baton.sla;

import java.time.Duration;
import org.baton.calendar.CalendarId;
import org.baton.ticket.Priority;
import org.baton.ticket.TicketType;
import org.jspecify.annotations.Nullable;

/**
 * One target of a policy: for tickets of a type (SLA; any type for OLA) and priority, this much business time
 * for this target, measured on a calendar (null: the policy's).
 */
record PolicyTarget(@Nullable TicketType ticketType, Priority priority, ServiceTarget target, Duration duration,
        @Nullable CalendarId calendarId) {}
