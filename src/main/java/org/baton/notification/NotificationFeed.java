package org.baton.notification;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.baton.identity.Directory;
import org.baton.identity.SupportGroup;
import org.baton.identity.UserId;
import org.baton.sla.SlaBreached;
import org.baton.sla.SlaWarningReached;
import org.baton.ticket.CommentAdded;
import org.baton.ticket.Ticket;
import org.baton.ticket.TicketHandedOff;
import org.baton.ticket.TicketQueries;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes in-app notifications from the events of tickets and service levels, synchronously and in the
 * transaction of the change that raised them (like the SLA clocks): a notification exists exactly when its
 * change was committed. Only active members of staff are told. Each notification is keyed by its person and
 * its source event (ticket, what happened, and when or which target), so a redelivery adds nothing.
 */
@Component
class NotificationFeed {

    private final Notifications notifications;
    private final Directory directory;
    private final TicketQueries tickets;

    NotificationFeed(Notifications notifications, Directory directory, TicketQueries tickets) {
        this.notifications = notifications;
        this.directory = directory;
        this.tickets = tickets;
    }

    /** The members of the receiving group and the named assignee, but not the one who handed it off. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(TicketHandedOff event) {
        Set<UserId> to = new LinkedHashSet<>();
        Optional<SupportGroup> group = directory.supportGroup(event.groupId());
        group.ifPresent(g -> to.addAll(g.memberIds()));
        if (event.assigneeId() != null) {
            to.add(event.assigneeId());
        }
        if (event.handedOffBy() != null) {
            to.remove(event.handedOffBy());
        }
        String groupName = group.map(SupportGroup::name).orElse("another group");
        String assignee = event.assigneeId() == null ? "" : directory.user(event.assigneeId()).map(u -> " (" + u.displayName() + ")").orElse("");
        tickets.find(event.ticketId()).ifPresent(t -> tell(to, "handoff:" + event.ticketId() + ":" + event.occurredAt(),
                NotificationKind.HANDED_OFF, t, event.number() + " was handed off to " + groupName + assignee, event.occurredAt()));
    }

    /** The people the SLA module warned. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(SlaWarningReached event) {
        tickets.find(event.ticketId()).ifPresent(t -> tell(event.notified(),
                "sla-warning:" + event.ticketId() + ":" + event.target() + ":" + event.percent() + ":" + event.dueAt(),
                NotificationKind.SLA_WARNING, t, event.number() + ": " + event.percent() + " % of the "
                        + event.target().label().toLowerCase() + " target is used", event.occurredAt()));
    }

    /** The people the SLA module told of the breach. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(SlaBreached event) {
        tickets.find(event.ticketId()).ifPresent(t -> tell(event.notified(),
                "sla-breach:" + event.ticketId() + ":" + event.target() + ":" + event.dueAt(),
                NotificationKind.SLA_BREACHED, t, event.number() + " missed its "
                        + event.target().label().toLowerCase() + " target", event.occurredAt()));
    }

    /** A customer's reply: the owner and the assignee. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(CommentAdded event) {
        if (!event.byCustomer()) {
            return;
        }
        tickets.find(event.ticketId()).ifPresent(t -> {
            Set<UserId> to = new LinkedHashSet<>();
            if (t.ownerId() != null) {
                to.add(t.ownerId());
            }
            if (t.assigneeId() != null) {
                to.add(t.assigneeId());
            }
            String who = t.requesterName().isBlank() ? "The customer" : t.requesterName();
            tell(to, "reply:" + event.ticketId() + ":" + event.occurredAt(), NotificationKind.CUSTOMER_REPLIED, t,
                    who + " replied on " + event.number(), event.occurredAt());
        });
    }

    /** Tells the active members of staff among {@code people}: {@code text}, then the ticket's subject. */
    private void tell(Set<UserId> people, String sourceKey, NotificationKind kind, Ticket t, String text, Instant at) {
        if (people.isEmpty()) {
            return;
        }
        Set<UserId> staff = directory.activeStaffAmong(people);
        notifications.addAll(people.stream().filter(staff::contains).toList(), sourceKey, kind, t.id(), t.number(), text + ": " + t.subject(), at);
    }
}
