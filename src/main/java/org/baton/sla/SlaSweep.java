package org.baton.sla;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.baton.calendar.BusinessCalendars;
import org.baton.calendar.BusinessTime;
import org.baton.ticket.Ticket;
import org.baton.ticket.TicketQueries;
import org.baton.ticket.TicketRecords;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires what is due: the warnings before a breach and the breach itself. Each batch is one transaction that
 * locks the due clocks, records each firing (at most once per clock and threshold, by the table's key), writes
 * the notices to the outbox and the entry to the timeline, and moves the clock on to its next firing. A crash
 * before the commit leaves everything to fire again; after it, nothing fires twice.
 */
@Service
class SlaSweep {

    private static final String FIRINGS_HELP = "SLA and OLA thresholds fired (committed): warnings before the due time, and breaches";

    private final Clocks clocks;
    private final ServiceLevelPolicies policies;
    private final BusinessCalendars calendars;
    private final TicketQueries tickets;
    private final TicketRecords records;
    private final SlaNotices notices;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Counter warningsFired;
    private final Counter breachesFired;

    SlaSweep(Clocks clocks, ServiceLevelPolicies policies, BusinessCalendars calendars, TicketQueries tickets,
            TicketRecords records, SlaNotices notices, ApplicationEventPublisher events, TransactionTemplate transactions,
            MeterRegistry meters) {
        this.clocks = clocks;
        this.policies = policies;
        this.calendars = calendars;
        this.tickets = tickets;
        this.records = records;
        this.notices = notices;
        this.events = events;
        this.transactions = transactions;
        this.warningsFired = Counter.builder("baton.sla.firings").tag("kind", "warning")
                .description(FIRINGS_HELP).register(meters);
        this.breachesFired = Counter.builder("baton.sla.firings").tag("kind", "breach")
                .description(FIRINGS_HELP).register(meters);
    }

    /** Fires up to {@code limit} clocks due by {@code now}; returns how many clocks it looked at. */
    int fireDue(Instant now, int limit) {
        int[] fired = new int[2]; // warnings, breaches: counted once the transaction has committed
        int looked = Objects.requireNonNull(transactions.execute(tx -> {
            List<TargetClock> due = clocks.lockDue(now, limit);
            SlaNotices.Lookups lookups = notices.lookups();
            for (TargetClock clock : due) {
                int percent = fire(clock, now, lookups);
                if (percent > 0) {
                    fired[percent >= 100 ? 1 : 0]++;
                }
            }
            return due.size();
        }));
        warningsFired.increment(fired[0]);
        breachesFired.increment(fired[1]);
        return looked;
    }

    /** Fires the clock's threshold when one has passed; returns the percent it fired, 0 when nothing fired. */
    private int fire(TargetClock clock, Instant now, SlaNotices.Lookups lookups) {
        Ticket ticket = tickets.find(clock.ticketId()).orElseThrow();
        ClockWork w = new ClockWork(ticket, List.of(clock), policies, calendars);
        BusinessTime calendar = w.calendar(clock);
        List<Integer> warnings = w.warnings(clock);
        int percent = clock.thresholdPassed(calendar, warnings, now);
        TargetClock next = clock;
        boolean firedNow = false;
        if (percent > 0) {
            Instant due = Objects.requireNonNull(clock.dueAt(calendar));
            Instant firesAt = Objects.requireNonNullElse(clock.thresholdAt(calendar, percent), now);
            next = clock.fired(percent, due);
            if (clocks.recordFiring(clock.id(), percent, firesAt, now)) {
                firedNow = true;
                TargetClock shown = next.scheduled(calendar, warnings);
                if (percent >= 100) {
                    var notified = notices.breach(ticket, shown, now, lookups);
                    records.appendServiceLevelEntry(ticket.id(), now, true, Texts.breached(shown), Texts.details(shown, calendar, now));
                    events.publishEvent(new SlaBreached(ticket.id(), ticket.number(), clock.target(), due, now, notified));
                } else {
                    var notified = notices.warn(ticket, shown, percent, now, lookups);
                    records.appendServiceLevelEntry(ticket.id(), now, true, Texts.warning(shown, percent),
                            Texts.details(shown, calendar, now));
                    events.publishEvent(new SlaWarningReached(ticket.id(), ticket.number(), clock.target(), percent, due, now, notified));
                }
            }
        }
        if (!clocks.save(next.scheduled(calendar, warnings))) {
            throw new IllegalStateException("clock " + clock.id() + " changed under a lock");
        }
        return firedNow ? percent : 0;
    }
}
