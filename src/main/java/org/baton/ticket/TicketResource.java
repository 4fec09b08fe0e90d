package org.baton.ticket;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A ticket as the API shows it. {@code version} is also sent as the ETag. */
@Schema(name = "Ticket")
record TicketResource(
        @Schema(example = "INC-1042") String number,
        TicketType type,
        TicketStatus status,
        @Nullable PendingReason pendingReason,
        Priority priority,
        @Nullable Impact impact,
        @Nullable Urgency urgency,
        Ref organization,
        Requester requester,
        Channel channel,
        String category,
        String subject,
        String description,
        @Schema(description = "The agent accountable from first contact to closure; null only while the ticket is new.")
        @Nullable Ref owner,
        @Schema(description = "The support group doing the work now, after a hand-off; null when the owner works on it.")
        @Nullable Ref workingGroup,
        @Nullable Ref assignee,
        @Schema(description = "When the working group expects to be done.") @Nullable Instant handoffEta,
        boolean firstContactResolved,
        @Nullable Resolution resolution,
        @Nullable Instant expectedRestorationAt,
        @Nullable String restorationUnknownReason,
        @Schema(description = "When the customer must hear from the desk next.") @Nullable Instant nextUpdateDueAt,
        @Schema(description = "The next update is late.") boolean nextUpdateOverdue,
        @Nullable Instant lastStatusUpdateAt,
        @Schema(description = "Operational tasks: when the work is due.") @Nullable Instant dueAt,
        @Schema(description = "For a duplicate: the ticket it was merged into.") @Nullable String mergedInto,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant resolvedAt,
        @Nullable Instant closedAt,
        @Schema(description = "When the nearest running service-level target (SLA or OLA) is due; null when none runs.")
        @Nullable Instant slaDueAt,
        long version) {

    record Ref(String id, String name) {}

    record Requester(@Nullable String id, String name, String location, String contact) {}

    record Resolution(String code, String notes) {}

    static TicketResource of(Ticket t, Instant now, @Nullable TicketNumber mergedInto) {
        return new TicketResource(t.number().value(), t.type(), t.status(), t.pendingReason(), t.priority(), t.impact(),
                t.urgency(), new Ref(t.organizationId().value().toString(), t.organizationName()),
                new Requester(t.requesterId() == null ? null : t.requesterId().value().toString(), t.requesterName(),
                        t.requesterLocation(), t.requesterContact()),
                t.channel(), t.category(), t.subject(), t.description(),
                t.ownerId() == null ? null : new Ref(t.ownerId().value().toString(), String.valueOf(t.ownerName())),
                t.workingGroupId() == null ? null
                        : new Ref(t.workingGroupId().value().toString(), String.valueOf(t.workingGroupName())),
                t.assigneeId() == null ? null : new Ref(t.assigneeId().value().toString(), String.valueOf(t.assigneeName())),
                t.handoffEta(), t.firstContactResolved(),
                t.resolutionCode() == null ? null : new Resolution(t.resolutionCode(), String.valueOf(t.resolutionNotes())),
                t.expectedRestorationAt(), t.restorationUnknownReason(), t.nextUpdateDueAt(), t.nextUpdateOverdue(now),
                t.lastStatusUpdateAt(), t.dueAt(), mergedInto == null ? null : mergedInto.value(), t.createdAt(),
                t.updatedAt(), t.resolvedAt(), t.closedAt(), t.slaDueAt(), t.version());
    }
}
