package org.baton.ticket;

import java.time.Instant;
import org.baton.identity.OrganizationId;
import org.baton.identity.SupportGroupId;
import org.baton.identity.UserId;
import org.jspecify.annotations.Nullable;

/**
 * One ticket as stored, with the display names of the people and groups it refers to. The owner is
 * accountable from first contact to closure; the working group and assignee are whoever is doing
 * the work right now (after a hand-off), and never replace the owner.
 *
 * @param slaDueAt when the nearest running service-level target is due (kept by the SLA module; not part of the version)
 * @param version increases with every change; the API's ETag
 */
public record Ticket(
        TicketId id,
        TicketNumber number,
        TicketType type,
        TicketStatus status,
        @Nullable PendingReason pendingReason,
        @Nullable Impact impact,
        @Nullable Urgency urgency,
        Priority priority,
        OrganizationId organizationId,
        String organizationName,
        @Nullable UserId requesterId,
        String requesterName,
        String requesterLocation,
        String requesterContact,
        Channel channel,
        String category,
        String subject,
        String description,
        @Nullable UserId ownerId,
        @Nullable String ownerName,
        @Nullable SupportGroupId workingGroupId,
        @Nullable String workingGroupName,
        @Nullable UserId assigneeId,
        @Nullable String assigneeName,
        @Nullable Instant handoffEta,
        boolean handedOff,
        boolean ownershipTransferred,
        boolean reopened,
        boolean firstContactResolved,
        @Nullable String resolutionCode,
        @Nullable String resolutionNotes,
        @Nullable Instant expectedRestorationAt,
        @Nullable String restorationUnknownReason,
        @Nullable Instant nextUpdateDueAt,
        @Nullable Instant lastStatusUpdateAt,
        @Nullable Instant dueAt,
        @Nullable TicketId mergedIntoId,
        @Nullable UserId createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant resolvedAt,
        @Nullable Instant closedAt,
        @Nullable Instant slaDueAt,
        long version) {

    public boolean isOpen() {
        return status.isOpen();
    }

    /** This ticket with the nearest service-level due instant the SLA module recorded (not a change: same version). */
    Ticket withSlaDueAt(@Nullable Instant due) {
        return new Ticket(id, number, type, status, pendingReason, impact, urgency, priority, organizationId, organizationName,
                requesterId, requesterName, requesterLocation, requesterContact, channel, category, subject, description, ownerId,
                ownerName, workingGroupId, workingGroupName, assigneeId, assigneeName, handoffEta, handedOff, ownershipTransferred,
                reopened, firstContactResolved, resolutionCode, resolutionNotes, expectedRestorationAt, restorationUnknownReason,
                nextUpdateDueAt, lastStatusUpdateAt, dueAt, mergedIntoId, createdBy, createdAt, updatedAt, resolvedAt, closedAt,
                due, version);
    }

    /** Whether the promised next update is late at {@code now}. */
    public boolean nextUpdateOverdue(Instant now) {
        return isOpen() && nextUpdateDueAt != null && nextUpdateDueAt.isBefore(now);
    }

    /**
     * A new ticket before its first save: status NEW, nobody owning or working on it yet. Its version is −1, so
     * that the change which opens it (owner, first entries) saves it as version 0.
     */
    static Ticket draft(TicketNumber number, TicketType type, Priority priority, @Nullable Impact impact, @Nullable Urgency urgency,
            OrganizationId organizationId, String organizationName, @Nullable UserId requesterId, String requesterName,
            String requesterLocation, String requesterContact, Channel channel, String category, String subject, String description,
            @Nullable SupportGroupId workingGroupId, @Nullable String workingGroupName, @Nullable Instant dueAt,
            @Nullable UserId createdBy, Instant now) {
        return new Ticket(TicketId.newId(now), number, type, TicketStatus.NEW, null, impact, urgency, priority, organizationId,
                organizationName, requesterId, requesterName, requesterLocation, requesterContact, channel, category, subject,
                description, null, null, workingGroupId, workingGroupName, null, null, null, false, false, false, false, null, null,
                null, null, null, null, dueAt, null, createdBy, now, now, null, null, null, -1);
    }

    Builder change() {
        return new Builder(this);
    }

    /** Copies a ticket with some fields changed; the store assigns the next version on save. */
    static final class Builder {
        TicketStatus status;
        @Nullable PendingReason pendingReason;
        @Nullable Impact impact;
        @Nullable Urgency urgency;
        Priority priority;
        String requesterLocation;
        String requesterContact;
        String category;
        String subject;
        String description;
        @Nullable UserId ownerId;
        @Nullable String ownerName;
        @Nullable SupportGroupId workingGroupId;
        @Nullable String workingGroupName;
        @Nullable UserId assigneeId;
        @Nullable String assigneeName;
        @Nullable Instant handoffEta;
        boolean handedOff;
        boolean ownershipTransferred;
        boolean reopened;
        boolean firstContactResolved;
        @Nullable String resolutionCode;
        @Nullable String resolutionNotes;
        @Nullable Instant expectedRestorationAt;
        @Nullable String restorationUnknownReason;
        @Nullable Instant nextUpdateDueAt;
        @Nullable Instant lastStatusUpdateAt;
        @Nullable Instant dueAt;
        @Nullable TicketId mergedIntoId;
        @Nullable Instant resolvedAt;
        @Nullable Instant closedAt;
        private final Ticket from;

        private Builder(Ticket t) {
            from = t;
            status = t.status;
            pendingReason = t.pendingReason;
            impact = t.impact;
            urgency = t.urgency;
            priority = t.priority;
            requesterLocation = t.requesterLocation;
            requesterContact = t.requesterContact;
            category = t.category;
            subject = t.subject;
            description = t.description;
            ownerId = t.ownerId;
            ownerName = t.ownerName;
            workingGroupId = t.workingGroupId;
            workingGroupName = t.workingGroupName;
            assigneeId = t.assigneeId;
            assigneeName = t.assigneeName;
            handoffEta = t.handoffEta;
            handedOff = t.handedOff;
            ownershipTransferred = t.ownershipTransferred;
            reopened = t.reopened;
            firstContactResolved = t.firstContactResolved;
            resolutionCode = t.resolutionCode;
            resolutionNotes = t.resolutionNotes;
            expectedRestorationAt = t.expectedRestorationAt;
            restorationUnknownReason = t.restorationUnknownReason;
            nextUpdateDueAt = t.nextUpdateDueAt;
            lastStatusUpdateAt = t.lastStatusUpdateAt;
            dueAt = t.dueAt;
            mergedIntoId = t.mergedIntoId;
            resolvedAt = t.resolvedAt;
            closedAt = t.closedAt;
        }

        Ticket at(Instant now) {
            return new Ticket(from.id, from.number, from.type, status, pendingReason, impact, urgency, priority,
                    from.organizationId, from.organizationName, from.requesterId, from.requesterName, requesterLocation,
                    requesterContact, from.channel, category, subject, description, ownerId, ownerName, workingGroupId,
                    workingGroupName, assigneeId, assigneeName, handoffEta, handedOff, ownershipTransferred, reopened,
                    firstContactResolved, resolutionCode, resolutionNotes, expectedRestorationAt, restorationUnknownReason,
                    nextUpdateDueAt, lastStatusUpdateAt, dueAt, mergedIntoId, from.createdBy, from.createdAt, now,
                    resolvedAt, closedAt, from.slaDueAt, from.version + 1);
        }
    }
}
