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
import org.baton.ticket.TicketId;
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
        tell(to, "handoff:" + event.ticketId() + ":" + event.occurredAt(), NotificationKind.HANDED_OFF, event.ticketId(),
                event.number() + " was handed off to " + groupName + assignee + subject(event.ticketId()), event.occurredAt());
    }

    /** The people the SLA module warned. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(SlaWarningReached event) {
        tell(event.notified(), "sla-warning:" + event.ticketId() + ":" + event.target() + ":" + event.percent() + ":" + event.dueAt(),
                NotificationKind.SLA_WARNING, event.ticketId(), event.number() + ": " + event.percent() + " % of the "
                        + event.target().label().toLowerCase() + " target is used" + subject(event.ticketId()), event.occurredAt());
    }

    /** The people the SLA module told of the breach. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(SlaBreached event) {
        tell(event.notified(), "sla-breach:" + event.ticketId() + ":" + event.target() + ":" + event.dueAt(),
                NotificationKind.SLA_BREACHED, event.ticketId(), event.number() + " missed its "
                        + event.target().label().toLowerCase() + " target" + subject(event.ticketId()), event.occurredAt());
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
            tell(to, "reply:" + event.ticketId() + ":" + event.occurredAt(), NotificationKind.CUSTOMER_REPLIED, event.ticketId(),
                    who + " replied on " + event.number() + ": " + t.subject(), event.occurredAt());
        });
    }

    private void tell(Set<UserId> people, String sourceKey, NotificationKind kind, TicketId ticketId, String text, Instant at) {
        Optional<Ticket> ticket = tickets.find(ticketId);
        if (ticket.isEmpty()) {
            return;
        }
        for (UserId person : people) {
            if (directory.user(person).filter(u -> u.active() && u.role().isStaff()).isPresent()) {
                notifications.add(person, sourceKey, kind, ticketId, ticket.get().number(), text, at);
            }
        }
    }

    private String subject(TicketId id) {
        return tickets.find(id).map(t -> ": " + t.subject()).orElse("");
    }
}
