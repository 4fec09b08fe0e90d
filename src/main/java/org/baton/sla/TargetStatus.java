package org.baton.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.baton.calendar.CalendarId;
import org.baton.identity.SupportGroupId;
import org.jspecify.annotations.Nullable;

/**
 * Where one of a ticket's targets stands.
 *
 * @param state RUNNING, PAUSED or STOPPED
 * @param outcome PENDING (not yet met, not yet late), MET, BREACHED (late: still running or met late) or CANCELLED
 * @param dueAt null while paused (the clock is not counting)
 * @param remaining business time left at the moment asked (negative once overdrawn; for a stopped clock, at the stop)
 * @param supportGroupId the group an OLA target binds; null for SLA targets
 */
public record TargetStatus(ServiceTarget target, int cycle, String state, String outcome, Instant startedAt, @Nullable Instant dueAt,
        Duration businessTime, Duration remaining, List<PausedInterval> paused, @Nullable Instant metAt, @Nullable Instant breachedAt,
        @Nullable Instant stoppedAt, CalendarId calendarId, @Nullable SupportGroupId supportGroupId) {

    public TargetStatus {
        paused = List.copyOf(paused);
    }

    /** A time the clock did not count; {@code resumedAt} is null while the pause lasts. */
    public record PausedInterval(Instant pausedAt, @Nullable Instant resumedAt) {}
}
