package org.baton.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.baton.attachment.StoredAttachment;
import org.baton.identity.CustomerContact;
import org.baton.identity.CurrentUser;
import org.baton.outbox.OutboxMessage;
import org.jspecify.annotations.Nullable;

/**
 * One command's work on one ticket: the new field values, the timeline entries, the outbox messages
 * and the events it raises. {@link TicketDesk} saves all of it in one transaction, or none of it.
 */
final class TicketChange {

    private final Ticket before;
    private final Ticket.Builder next;
    private final @Nullable CurrentUser user;
    private final Actor actor;
    private final Instant now;
    private final List<Timeline.Entry> entries = new ArrayList<>();
    private final List<OutboxMessage> messages = new ArrayList<>();
    private final List<Object> events = new ArrayList<>();
    private final List<Attached> attached = new ArrayList<>();
    private @Nullable Optional<CustomerContact> requester;

    TicketChange(Ticket before, @Nullable CurrentUser user, Actor actor, Instant now) {
        this.before = before;
        this.next = before.change();
        this.user = user;
        this.actor = actor;
        this.now = now;
    }

    Ticket before() {
        return before;
    }

    Ticket.Builder next() {
        return next;
    }

    /** The user making the change; null for Baton's own changes. */
    @Nullable CurrentUser user() {
        return user;
    }

    Actor actor() {
        return actor;
    }

    Instant now() {
        return now;
    }

    void record(Timeline.Entry entry) {
        entries.add(entry);
    }

    void send(OutboxMessage message) {
        messages.add(message);
    }

    /** Files that this change's entry carries, attached in the same transaction with the entry's visibility. */
    record Attached(List<StoredAttachment> files, Visibility visibility) {}

    void attach(List<StoredAttachment> files, Visibility visibility) {
        if (!files.isEmpty()) {
            attached.add(new Attached(List.copyOf(files), visibility));
        }
    }

    List<Attached> attached() {
        return attached;
    }

    void raise(Object event) {
        events.add(event);
    }

    List<Timeline.Entry> entries() {
        return entries;
    }

    List<OutboxMessage> messages() {
        return messages;
    }

    List<Object> events() {
        return events;
    }

    /** The requester's contact details, looked up at most once per change; null until someone asked. */
    @Nullable Optional<CustomerContact> requester() {
        return requester;
    }

    void requester(Optional<CustomerContact> contact) {
        this.requester = contact;
    }

    Ticket result() {
        return next.at(now);
    }
}
