package org.baton.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.baton.calendar.BusinessCalendars;
import org.baton.calendar.BusinessTime;
import org.baton.calendar.CalendarId;
import org.baton.ticket.Ticket;
import org.baton.ticket.TicketRecords;
import org.jspecify.annotations.Nullable;

/**
 * The clocks of one ticket while one change is applied to them: loaded (locked) together, changed in memory,
 * then saved with their due instants and next firings worked out, their outcomes written on the ticket's
 * timeline, and the ticket's nearest due instant recorded for the queues.
 */
final class ClockWork {

    static final List<Integer> DEFAULT_WARNINGS = List.of(75, 90);

    private final Ticket ticket;
    private final List<TargetClock> clocks;
    private final Map<UUID, TargetClock> changed = new LinkedHashMap<>();
    private final java.util.Set<UUID> scheduled = new java.util.HashSet<>();
    private final Map<UUID, Optional<ServiceLevelPolicy>> policies = new HashMap<>();
    private final Map<CalendarId, BusinessTime> calendars = new HashMap<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final ServiceLevelPolicies policyStore;
    private final BusinessCalendars calendarStore;

    /** A line for the timeline: a target met, breached, retargeted or restarted. */
    record Outcome(TargetClock clock, String body, Instant at) {}

    ClockWork(Ticket ticket, List<TargetClock> clocks, ServiceLevelPolicies policyStore, BusinessCalendars calendarStore) {
        this.ticket = ticket;
        this.clocks = new ArrayList<>(clocks);
        this.policyStore = policyStore;
        this.calendarStore = calendarStore;
    }

    Ticket ticket() {
        return ticket;
    }

    List<TargetClock> clocks() {
        return List.copyOf(clocks);
    }

    /** The clock for {@code target} that has not stopped, the newest cycle first. */
    Optional<TargetClock> active(ServiceTarget target) {
        return clocks.stream().filter(c -> c.target() == target && !c.stopped()).reduce((a, b) -> b.cycle() > a.cycle() ? b : a);
    }

    Optional<TargetClock> latest(ServiceTarget target) {
        return clocks.stream().filter(c -> c.target() == target).reduce((a, b) -> b.cycle() > a.cycle() ? b : a);
    }

    int nextCycle(ServiceTarget target) {
        return latest(target).map(c -> c.cycle() + 1).orElse(1);
    }

    void add(TargetClock clock) {
        clocks.add(clock);
        changed.put(clock.id(), clock);
        scheduled.remove(clock.id());
    }

    void replace(TargetClock clock) {
        for (int i = 0; i < clocks.size(); i++) {
            if (clocks.get(i).id().equals(clock.id())) {
                clocks.set(i, clock);
            }
        }
        changed.put(clock.id(), clock);
        scheduled.remove(clock.id());
    }

    void note(TargetClock clock, String body, Instant at) {
        outcomes.add(new Outcome(clock, body, at));
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Stops a clock; when it was met, its outcome (met, or breached when late) goes on the timeline. */
    void stop(TargetClock clock, Instant at, boolean met, String reason) {
        TargetClock stopped = clock.stop(at, met, reason, calendar(clock));
        replace(stopped);
        if (met) {
            note(stopped, Texts.outcome(stopped, calendar(stopped)), at);
        } else {
            note(stopped, Texts.cancelled(stopped, reason), at);
        }
    }

    Optional<ServiceLevelPolicy> policy(@Nullable UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return policies.computeIfAbsent(id, policyStore::rememberedById);
    }

    List<Integer> warnings(TargetClock clock) {
        return policy(clock.policyId()).map(ServiceLevelPolicy::warningPercents).orElse(DEFAULT_WARNINGS);
    }

    BusinessTime calendar(TargetClock clock) {
        return calendar(clock.calendarId());
    }

    BusinessTime calendar(CalendarId id) {
        return calendars.computeIfAbsent(id, key -> calendarStore.businessTime(key)
                .orElseThrow(() -> new IllegalStateException("calendar " + key + " of a running clock is gone")));
    }

    /** Works out the due instants and next firings of the clocks changed since they were last worked out. */
    void schedule() {
        for (TargetClock clock : List.copyOf(changed.values())) {
            if (!scheduled.contains(clock.id())) {
                replace(clock.scheduled(calendar(clock), warnings(clock)));
                scheduled.add(clock.id());
            }
        }
    }

    /** The changed clocks, scheduled: their due instants and next firings worked out. */
    List<TargetClock> changedScheduled() {
        schedule();
        List<TargetClock> result = List.copyOf(changed.values());
        changed.clear();
        scheduled.clear();
        return result;
    }

    /** The nearest due instant of the running clocks, after scheduling. */
    @Nullable Instant nearestDue() {
        return clocks.stream().filter(TargetClock::running).map(TargetClock::dueAt).filter(java.util.Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
    }

    boolean anyChanged() {
        return !changed.isEmpty();
    }

    static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Writes the outcomes on the timeline (internal: service levels are the desk's own measurement). */
    void writeOutcomes(TicketRecords records) {
        for (Outcome o : outcomes) {
            records.appendServiceLevelEntry(ticket.id(), o.at(), true, o.body(), Texts.details(o.clock(), calendar(o.clock()), o.at()));
        }
        outcomes.clear();
    }
}
