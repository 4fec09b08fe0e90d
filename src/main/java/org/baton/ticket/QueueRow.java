package org.baton.ticket;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of a queue as the agent console shows it.
 *
 * @param slaState {@code breached}, {@code soon} (due within 30 minutes), {@code running} or {@code none}
 */
record QueueRow(String number, String priority, String priorityLabel, String subject, String requester, String organization,
        String status, @Nullable String pendingReason, @Nullable String owner, @Nullable String workingGroup,
        @Nullable String assignee, @Nullable Instant slaDueAt, String slaState, Instant updatedAt, boolean updateOverdue) {

    static final Duration DUE_SOON = Duration.ofMinutes(30);

    static QueueRow of(Ticket t, Instant now) {
        return new QueueRow(t.number().value(), t.priority().name().toLowerCase(java.util.Locale.ROOT), t.priority().label(),
                t.subject(), t.requesterName(), t.organizationName(), t.status().label(),
                t.pendingReason() == null ? null : t.pendingReason().label(), t.ownerName(), t.workingGroupName(),
                t.assigneeName(), t.slaDueAt(), slaState(t.slaDueAt(), now), t.updatedAt(), t.nextUpdateOverdue(now));
    }

    static String slaState(@Nullable Instant due, Instant now) {
        if (due == null) {
            return "none";
        }
        if (due.isBefore(now)) {
            return "breached";
        }
        return due.isBefore(now.plus(DUE_SOON)) ? "soon" : "running";
    }
}
