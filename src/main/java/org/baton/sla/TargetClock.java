package org.baton.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.baton.calendar.BusinessTime;
import org.baton.calendar.CalendarId;
import org.baton.identity.SupportGroupId;
import org.baton.shared.Uuids;
import org.baton.ticket.TicketId;
import org.jspecify.annotations.Nullable;

/**
 * One ticket's clock for one target (and cycle): how much business time it may take, when it started, when it
 * was paused, and what has been fired. Pure: every instant is computed from the start, the pauses and the
 * calendar, so a new target amount (a priority change) is measured again from the original start.
 *
 * <p>The clock runs in segments: from the start to the first pause, from each resume to the next pause, and
 * from the last resume on (until it stops). The business time used is the sum of the calendar's business time
 * in those segments; the due instant is where that sum reaches the target.
 *
 * @param promisedAt for a next-update clock, the time promised to the customer: due is the earlier of it and the cadence
 * @param firedPercent the highest threshold already fired (0 none, 100 the breach)
 * @param nextFirePercent the threshold that fires at {@code nextFireAt} (0 when nothing is scheduled)
 * @param storedPauses the pauses as read from the store (none for a new clock): a save writes only what changed since
 */
record TargetClock(UUID id, TicketId ticketId, ServiceTarget target, int cycle, @Nullable UUID policyId,
        @Nullable SupportGroupId supportGroupId, CalendarId calendarId, Duration amount, @Nullable Instant promisedAt,
        Instant startedAt, State state, List<Pause> pauses, @Nullable Instant dueAt, int firedPercent,
        @Nullable Instant nextFireAt, int nextFirePercent, @Nullable Instant breachedAt, @Nullable Instant metAt,
        @Nullable Instant stoppedAt, @Nullable String stopReason, long version, List<Pause> storedPauses) {

    enum State {
        RUNNING,
        PAUSED,
        STOPPED
    }

    /** A pause; {@code resumedAt} is null while it lasts. */
    record Pause(Instant pausedAt, @Nullable Instant resumedAt) {}

    TargetClock {
        pauses = List.copyOf(pauses);
        storedPauses = List.copyOf(storedPauses);
    }

    static TargetClock start(TicketId ticket, ServiceTarget target, int cycle, @Nullable UUID policyId,
            @Nullable SupportGroupId group, CalendarId calendar, Duration amount, @Nullable Instant promisedAt, Instant at) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a target's business time must be positive: " + amount);
        }
        return new TargetClock(Uuids.timeOrdered(at), ticket, target, cycle, policyId, group, calendar, amount, promisedAt, at,
                State.RUNNING, List.of(), null, 0, null, 0, null, null, null, null, -1, List.of());
    }

    boolean running() {
        return state == State.RUNNING;
    }

    boolean stopped() {
        return state == State.STOPPED;
    }

    /** MET, BREACHED or, while the clock runs and is not yet late, PENDING. */
    String outcome() {
        if (breachedAt != null) {
            return "BREACHED";
        }
        return metAt != null ? "MET" : (stopped() ? "CANCELLED" : "PENDING");
    }

    // ------------------------------------------------------------------ changes

    TargetClock pause(Instant at) {
        if (state != State.RUNNING) {
            return this;
        }
        List<Pause> next = new ArrayList<>(pauses);
        next.add(new Pause(at, null));
        return with(c -> {
            c.state = State.PAUSED;
            c.pauses = next;
            c.stoppedAt = null;
            c.stopReason = null;
        });
    }

    TargetClock resume(Instant at) {
        if (state != State.PAUSED) {
            return this;
        }
        List<Pause> next = new ArrayList<>(pauses);
        Pause open = next.removeLast();
        next.add(new Pause(open.pausedAt(), at));
        // a promise that fell due during the pause no longer holds: from here the cadence alone counts
        Instant promise = promisedAt != null && promisedAt.isAfter(at) ? promisedAt : null;
        return with(c -> {
            c.promisedAt = promise;
            c.state = State.RUNNING;
            c.pauses = next;
            c.nothingToFire();
            c.stoppedAt = null;
            c.stopReason = null;
        });
    }

    /**
     * Stops the clock at {@code at}: met (the target was achieved) or not (cancelled, superseded). A clock met after
     * its due instant is breached at its due instant, also when the sweep had not yet noticed.
     */
    TargetClock stop(Instant at, boolean met, String reason, BusinessTime calendar) {
        if (state == State.STOPPED) {
            return this;
        }
        List<Pause> next = new ArrayList<>(pauses);
        if (state == State.PAUSED) {
            Pause open = next.removeLast();
            next.add(new Pause(open.pausedAt(), at));
        }
        Instant due = state == State.RUNNING ? dueAt(calendar) : dueAt;
        boolean lateWhenMet = met && breachedAt == null && due != null && due.isBefore(at);
        return with(c -> {
            c.state = State.STOPPED;
            c.pauses = next;
            c.dueAt = due;
            c.nothingToFire();
            if (lateWhenMet) {
                c.breachedAt = due;
            }
            c.metAt = met ? at : null;
            c.stoppedAt = at;
            c.stopReason = reason;
        });
    }

    /** A stopped clock runs again (a reopened ticket): the time it was stopped counts as a pause; it is no longer met. */
    TargetClock restart(Instant at) {
        if (state != State.STOPPED || stoppedAt == null) {
            return this;
        }
        List<Pause> next = new ArrayList<>(pauses);
        next.add(new Pause(stoppedAt, at));
        return with(c -> {
            c.state = State.RUNNING;
            c.pauses = next;
            c.nothingToFire();
            c.metAt = null;
            c.stoppedAt = null;
            c.stopReason = null;
        });
    }

    /** The same clock with another amount of business time (the ticket's priority changed), measured from the original start. */
    TargetClock retarget(Duration newAmount, CalendarId calendar) {
        return with(c -> {
            c.calendarId = calendar;
            c.amount = newAmount;
        });
    }

    /** Marks {@code percent} (a warning, or 100: the breach at {@code due}) as fired. */
    TargetClock fired(int percent, Instant due) {
        return with(c -> {
            c.firedPercent = percent;
            if (percent >= 100) {
                c.breachedAt = due;
            }
        });
    }

    /** The same clock with its pauses as read from the store. */
    TargetClock withPauses(List<Pause> stored) {
        return new TargetClock(id, ticketId, target, cycle, policyId, supportGroupId, calendarId, amount, promisedAt, startedAt, state,
                stored, dueAt, firedPercent, nextFireAt, nextFirePercent, breachedAt, metAt, stoppedAt, stopReason, version, stored);
    }

    /** This clock with what {@code change} sets; everything it leaves alone stays as it is. */
    private TargetClock with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.clock();
    }

    /** The parts of a clock that its changes set (the identity, target and start never change). */
    private static final class Copy {
        private final TargetClock from;
        CalendarId calendarId;
        Duration amount;
        @Nullable Instant promisedAt;
        State state;
        List<Pause> pauses;
        @Nullable Instant dueAt;
        int firedPercent;
        @Nullable Instant nextFireAt;
        int nextFirePercent;
        @Nullable Instant breachedAt;
        @Nullable Instant metAt;
        @Nullable Instant stoppedAt;
        @Nullable String stopReason;

        Copy(TargetClock from) {
            this.from = from;
            calendarId = from.calendarId;
            amount = from.amount;
            promisedAt = from.promisedAt;
            state = from.state;
            pauses = from.pauses;
            dueAt = from.dueAt;
            firedPercent = from.firedPercent;
            nextFireAt = from.nextFireAt;
            nextFirePercent = from.nextFirePercent;
            breachedAt = from.breachedAt;
            metAt = from.metAt;
            stoppedAt = from.stoppedAt;
            stopReason = from.stopReason;
        }

        void nothingToFire() {
            nextFireAt = null;
            nextFirePercent = 0;
        }

        TargetClock clock() {
            return new TargetClock(from.id, from.ticketId, from.target, from.cycle, from.policyId, from.supportGroupId, calendarId,
                    amount, promisedAt, from.startedAt, state, pauses, dueAt, firedPercent, nextFireAt, nextFirePercent, breachedAt,
                    metAt, stoppedAt, stopReason, from.version, from.storedPauses);
        }
    }

    // ------------------------------------------------------------------ arithmetic

    /**
     * The clock with its due instant and next firing worked out: warnings at each of {@code warningPercents} not yet
     * fired (and before the due instant), then the breach at the due instant. A paused or stopped clock has nothing
     * to fire; a paused one has no due instant.
     */
    TargetClock scheduled(BusinessTime calendar, List<Integer> warningPercents) {
        Instant due = state == State.STOPPED ? dueAt : dueAt(calendar);
        Instant fireAt = null;
        int firePercent = 0;
        if (state == State.RUNNING && due != null && firedPercent < 100) {
            for (int percent : warningPercents) {
                if (percent <= firedPercent) {
                    continue;
                }
                Instant at = reached(calendar, fraction(percent));
                if (at != null && at.isBefore(due)) {
                    fireAt = at;
                    firePercent = percent;
                }
                break;
            }
            if (fireAt == null) {
                fireAt = due;
                firePercent = 100;
            }
        }
        Instant nextFire = fireAt;
        int nextPercent = firePercent;
        return with(c -> {
            c.dueAt = due;
            c.nextFireAt = nextFire;
            c.nextFirePercent = nextPercent;
        });
    }

    /** Where the business time used reaches the whole target, capped by the promise; null while paused. */
    @Nullable Instant dueAt(BusinessTime calendar) {
        Instant due = reached(calendar, amount);
        if (due != null && promisedAt != null && promisedAt.isBefore(due)) {
            return promisedAt;
        }
        return due;
    }

    /**
     * The highest threshold (a warning percentage or 100 for the breach) that has passed at {@code now} and not
     * been fired; 0 when none. Lower thresholds passed at the same time are skipped: one notice says the most.
     */
    int thresholdPassed(BusinessTime calendar, List<Integer> warningPercents, Instant now) {
        if (state != State.RUNNING || firedPercent >= 100) {
            return 0;
        }
        Instant due = dueAt(calendar);
        if (due != null && !due.isAfter(now)) {
            return 100;
        }
        int passed = 0;
        for (int percent : warningPercents) {
            Instant at = reached(calendar, fraction(percent));
            if (percent > firedPercent && at != null && !at.isAfter(now) && (due == null || at.isBefore(due))) {
                passed = percent;
            }
        }
        return passed;
    }

    /** When {@code percent} of the target is (or was) used: the due instant for 100; null while paused short of it. */
    @Nullable Instant thresholdAt(BusinessTime calendar, int percent) {
        return percent >= 100 ? dueAt(calendar) : reached(calendar, fraction(percent));
    }

    /** The business time used by {@code now}. */
    Duration used(BusinessTime calendar, Instant now) {
        Duration used = Duration.ZERO;
        for (Instant[] segment : segments(now)) {
            used = used.plus(calendar.between(segment[0], segment[1]));
        }
        return used;
    }

    /** The business time left at {@code now}: negative once the target is overdrawn. */
    Duration remaining(BusinessTime calendar, Instant now) {
        return amount.minus(used(calendar, now));
    }

    private Duration fraction(int percent) {
        return amount.multipliedBy(percent).dividedBy(100);
    }

    /** The instant at which the business time used reaches {@code wanted}; null when the clock is paused short of it. */
    private @Nullable Instant reached(BusinessTime calendar, Duration wanted) {
        Duration used = Duration.ZERO;
        Instant segmentStart = startedAt;
        for (Pause pause : pauses) {
            Duration inSegment = calendar.between(segmentStart, pause.pausedAt());
            if (used.plus(inSegment).compareTo(wanted) >= 0) {
                return calendar.addTo(segmentStart, wanted.minus(used));
            }
            used = used.plus(inSegment);
            if (pause.resumedAt() == null) {
                return null;
            }
            segmentStart = pause.resumedAt();
        }
        if (state == State.STOPPED && stoppedAt != null) {
            Duration inSegment = calendar.between(segmentStart, stoppedAt);
            if (used.plus(inSegment).compareTo(wanted) < 0) {
                return null;
            }
        }
        return calendar.addTo(segmentStart, wanted.minus(used));
    }

    /** The running segments up to {@code now}, as [from, to) pairs. */
    private List<Instant[]> segments(Instant now) {
        List<Instant[]> segments = new ArrayList<>();
        Instant segmentStart = startedAt;
        for (Pause pause : pauses) {
            segments.add(new Instant[] {segmentStart, min(pause.pausedAt(), now)});
            if (pause.resumedAt() == null) {
                return segments;
            }
            segmentStart = pause.resumedAt();
        }
        Instant end = state == State.STOPPED && stoppedAt != null ? min(stoppedAt, now) : now;
        segments.add(new Instant[] {segmentStart, end});
        return segments;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
