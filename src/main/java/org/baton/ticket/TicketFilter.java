package org.baton.ticket;

import java.time.Instant;
import java.util.Set;
import org.baton.identity.OrganizationId;
import org.baton.identity.SupportGroupId;
import org.baton.identity.UserId;
import org.jspecify.annotations.Nullable;

/**
 * What a list of tickets is narrowed to; empty sets and nulls mean "any". Lists are always ordered by
 * last change, newest first.
 *
 * @param nextUpdateOverdue only open tickets whose promised next update is late
 */
public record TicketFilter(
        Set<TicketStatus> statuses,
        Set<TicketType> types,
        Set<Priority> priorities,
        @Nullable Boolean open,
        @Nullable UserId ownerId,
        @Nullable SupportGroupId groupId,
        @Nullable OrganizationId organizationId,
        @Nullable UserId requesterId,
        @Nullable Instant updatedSince,
        boolean nextUpdateOverdue) {

    public TicketFilter {
        statuses = Set.copyOf(statuses);
        types = Set.copyOf(types);
        priorities = Set.copyOf(priorities);
    }
}
