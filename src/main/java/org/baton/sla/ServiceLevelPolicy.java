package org.baton.sla;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.baton.calendar.CalendarId;
import org.baton.identity.OrganizationId;
import org.baton.identity.SupportGroupId;
import org.baton.ticket.PendingReason;
import org.baton.ticket.Priority;
import org.baton.ticket.TicketType;
import org.jspecify.annotations.Nullable;

/**
 * An SLA policy (an organization's contract; with neither organization nor group it is the default for every
 * organization without one) or an OLA policy (a support group's). Clocks copy the target and calendar they run
 * against when they start, so changing or deleting a policy changes the clocks that start afterwards.
 *
 * @param warningPercents ascending percentages of a target's business time at which a warning goes out
 * @param pauseOn the pending reasons that pause this policy's clocks
 */
record ServiceLevelPolicy(UUID id, PolicyKind kind, String name, @Nullable OrganizationId organizationId,
        @Nullable SupportGroupId supportGroupId, CalendarId calendarId, List<Integer> warningPercents,
        Set<PendingReason> pauseOn, List<PolicyTarget> targets, long version, Instant createdAt, Instant updatedAt) {

    ServiceLevelPolicy {
        warningPercents = List.copyOf(warningPercents);
        pauseOn = Set.copyOf(pauseOn);
        targets = List.copyOf(targets);
    }

    boolean isDefault() {
        return kind == PolicyKind.SLA && organizationId == null;
    }

    String scopeKey() {
        if (kind == PolicyKind.OLA) {
            return "GROUP:" + supportGroupId;
        }
        return organizationId == null ? "DEFAULT" : "ORG:" + organizationId;
    }

    /** The target for a ticket of {@code type} and {@code priority}; OLA targets hold for every type. */
    Optional<PolicyTarget> target(TicketType type, Priority priority, ServiceTarget target) {
        return targets.stream()
                .filter(t -> t.target() == target && t.priority() == priority && (t.ticketType() == null || t.ticketType() == type))
                .findFirst();
    }

    CalendarId calendarOf(PolicyTarget target) {
        return target.calendarId() == null ? calendarId : target.calendarId();
    }
}
