package org.baton.ticket;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One service-level target of a ticket as a person reads it on a ticket page or in a queue: "Resolution due in
 * 2 h 10 min", "First response met", "Next update breached".
 *
 * @param label e.g. {@code First response}, {@code Next update #2}, {@code Accept hand-off}
 * @param state RUNNING, PAUSED, MET, BREACHED (late, running or met late) or CANCELLED
 * @param dueAt null while paused
 * @param remaining business time left now (negative once overdrawn)
 * @param operational an OLA target (a support group's promise) rather than an SLA target
 */
public record Countdown(String label, String state, Instant startedAt, @Nullable Instant dueAt, Duration remaining,
        Duration businessTime, boolean operational) {}
