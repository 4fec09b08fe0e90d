package org.baton.ticket;

import java.time.Instant;
import org.baton.identity.UserId;
import org.jspecify.annotations.Nullable;

/**
 * One append-only entry of a ticket's timeline. Entries are never edited or deleted.
 *
 * @param ticketNumber the ticket the entry was written on (differs from the ticket shown when a
 *     duplicate was merged into it)
 * @param details the before/after values and other facts, as a JSON object; null when there are none
 */
public record TimelineEntry(
        long id,
        TicketNumber ticketNumber,
        EntryKind kind,
        Visibility visibility,
        @Nullable UserId actorId,
        String actorName,
        Instant occurredAt,
        @Nullable String body,
        @Nullable String details) {}
