package org.baton.sla;

import java.time.Instant;
import java.util.List;
import org.baton.calendar.BusinessCalendars;
import org.baton.ticket.TicketId;
import org.springframework.stereotype.Service;

/** Reads clocks for display: {@link ServiceLevels}. */
@Service
class ClockReadings implements ServiceLevels {

    private final Clocks clocks;
    private final BusinessCalendars calendars;

    ClockReadings(Clocks clocks, BusinessCalendars calendars) {
        this.clocks = clocks;
        this.calendars = calendars;
    }

    @Override
    public List<TargetStatus> of(TicketId ticket, Instant now) {
        return clocks.of(ticket).stream().map(c -> {
            var calendar = calendars.businessTime(c.calendarId()).orElseThrow();
            Instant at = c.stopped() && c.stoppedAt() != null ? c.stoppedAt() : now;
            String outcome = c.outcome();
            if ("PENDING".equals(outcome) && c.dueAt() != null && c.running() && c.dueAt().isBefore(now)) {
                outcome = "BREACHED";
            }
            return new TargetStatus(c.target(), c.cycle(), c.state().name(), outcome, c.startedAt(), c.dueAt(), c.amount(),
                    c.remaining(calendar, at), c.pauses().stream().map(p -> new TargetStatus.PausedInterval(p.pausedAt(), p.resumedAt()))
                            .toList(), c.metAt(), c.breachedAt() != null ? c.breachedAt()
                            : ("BREACHED".equals(outcome) ? c.dueAt() : null), c.stoppedAt(), c.calendarId(), c.supportGroupId());
        }).toList();
    }
}
