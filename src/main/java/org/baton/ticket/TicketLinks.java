package org.baton.ticket;

import static org.baton.shared.SqlValues.requiredInstant;
import static org.baton.shared.SqlValues.requiredUuid;
import static org.baton.shared.SqlValues.timestamp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.baton.identity.CurrentUser;
import org.baton.identity.UserId;
import org.baton.shared.InvalidInput;
import org.baton.shared.NotFound;
import org.baton.shared.Refused;
import org.baton.shared.Uuids;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Links between tickets: parent and child, related, duplicate-of (which merges the duplicate into the
 * surviving ticket: the duplicate is resolved, and both timelines are kept and shown together on the
 * survivor), and caused-by a problem. Both tickets' timelines record the link.
 */
@Service
class TicketLinks {

    /** A link as seen from one ticket: {@code kind} is the link's name from that side. */
    record Link(String kind, String ticket, String subject, TicketStatus status, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final TicketDesk desk;
    private final Tickets tickets;
    private final Timeline timeline;

    TicketLinks(JdbcClient jdbc, TicketDesk desk, Tickets tickets, Timeline timeline) {
        this.jdbc = jdbc;
        this.desk = desk;
        this.tickets = tickets;
        this.timeline = timeline;
    }

    Ticket link(CurrentUser user, TicketNumber number, LinkKind kind, TicketNumber targetNumber) {
        TicketDesk.requireStaff(user);
        Ticket target = tickets.visible(targetNumber, user)
                .orElseThrow(() -> InvalidInput.of("target", "no ticket " + targetNumber + " that you may see"));
        return desk.change(user, number, null, c -> record(c, kind, target, user.id()));
    }

    /** A link made by a channel of Baton's own (mail intake links a new ticket to the one a stranger named). */
    Ticket linkByChannel(TicketNumber number, LinkKind kind, TicketNumber targetNumber) {
        Ticket target = tickets.byNumber(targetNumber).orElseThrow(() -> new NotFound("ticket", targetNumber.value()));
        return desk.changeByChannel(number, Actor.BATON, c -> record(c, kind, target, null));
    }

    private void record(TicketChange c, LinkKind kind, Ticket target, @Nullable UserId by) {
        Ticket source = c.before();
        check(source, kind, target);
        jdbc.sql("insert into ticket_links (id, kind, source_id, target_id, created_by, created_at) "
                        + "values (:id, :kind, :source, :target, :by, :at)")
                .param("id", Uuids.timeOrdered(c.now()))
                .param("kind", kind.name())
                .param("source", source.id().value())
                .param("target", target.id().value())
                .param("by", by == null ? null : by.value())
                .param("at", timestamp(c.now()))
                .update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("link", kind.name());
        details.put("ticket", target.number().value());
        c.record(new Timeline.Entry(EntryKind.LINKED, Visibility.INTERNAL, kind.name() + " " + target.number(), details));
        Map<String, Object> inverse = new LinkedHashMap<>();
        inverse.put("link", kind.inverse());
        inverse.put("ticket", source.number().value());
        List<Timeline.Entry> onTarget = new ArrayList<>();
        onTarget.add(new Timeline.Entry(EntryKind.LINKED, Visibility.INTERNAL, kind.inverse() + " " + source.number(), inverse));
        if (kind == LinkKind.DUPLICATE_OF) {
            c.next().mergedIntoId = target.id();
            // whoever merges a new, unowned duplicate takes ownership of it, as anyone who moves a ticket on from New
            desk.takeOwnershipIfUnowned(c, false);
            desk.resolve(c, "DUPLICATE", "Duplicate of " + target.number() + "; merged into it, where the work goes on.", false);
            onTarget.add(new Timeline.Entry(EntryKind.MERGED, Visibility.INTERNAL,
                    source.number() + " was merged into this ticket; its timeline is shown here too.",
                    Map.of("merged", source.number().value())));
        }
        timeline.append(target.id(), c.actor(), c.now(), onTarget);
    }

    List<Link> links(CurrentUser user, TicketNumber number) {
        TicketDesk.requireStaff(user);
        Ticket ticket = tickets.visible(number, user).orElseThrow(() -> new NotFound("ticket", number.value()));
        List<Link> links = new ArrayList<>();
        jdbc.sql("select l.kind, l.created_at, t.number, t.subject, t.status from ticket_links l join tickets t on t.id = l.target_id "
                        + "where l.source_id = :id order by l.created_at")
                .param("id", ticket.id().value())
                .query((rs, n) -> links.add(new Link(rs.getString("kind"), rs.getString("number"),
                        rs.getString("subject"), TicketStatus.valueOf(rs.getString("status")), requiredInstant(rs, "created_at"))))
                .list();
        jdbc.sql("select l.kind, l.created_at, t.number, t.subject, t.status from ticket_links l join tickets t on t.id = l.source_id "
                        + "where l.target_id = :id order by l.created_at")
                .param("id", ticket.id().value())
                .query((rs, n) -> links.add(new Link(LinkKind.valueOf(rs.getString("kind")).inverse(),
                        rs.getString("number"), rs.getString("subject"),
                        TicketStatus.valueOf(rs.getString("status")), requiredInstant(rs, "created_at"))))
                .list();
        return links;
    }

    private void check(Ticket source, LinkKind kind, Ticket target) {
        if (source.id().equals(target.id())) {
            throw InvalidInput.of("target", "a ticket cannot be linked to itself");
        }
        Integer existing = jdbc.sql("select count(*) from ticket_links where source_id = :s and kind = :k and target_id = :t")
                .param("s", source.id().value()).param("k", kind.name()).param("t", target.id().value())
                .query(Integer.class).single();
        if (existing > 0) {
            throw new Refused("link-exists", source.number() + " is already " + kind.name() + " " + target.number() + ".");
        }
        switch (kind) {
            case CAUSED_BY -> {
                if (target.type() != TicketType.PROBLEM) {
                    throw InvalidInput.of("target", "must be a problem: a ticket is caused by a problem record");
                }
                if (source.type() == TicketType.PROBLEM) {
                    throw InvalidInput.of("kind", "a problem is not caused by another problem; link them as RELATED_TO or CHILD_OF");
                }
            }
            case CHILD_OF -> {
                if (ancestors(target).contains(source.id().value())) {
                    throw InvalidInput.of("target", target.number() + " is already below " + source.number()
                            + "; a ticket cannot be its own ancestor");
                }
            }
            case DUPLICATE_OF -> {
                if (!source.isOpen()) {
                    throw new Refused("ticket-not-open", source.number() + " is " + source.status().label().toLowerCase()
                            + "; only an open ticket is merged as a duplicate.");
                }
                if (target.mergedIntoId() != null || target.status() == TicketStatus.CANCELLED) {
                    throw InvalidInput.of("target", target.number() + " was itself merged or cancelled; link to the surviving ticket");
                }
                if (!target.organizationId().equals(source.organizationId())) {
                    throw InvalidInput.of("target", "a duplicate must belong to the same organization");
                }
                if (target.type() != source.type()) {
                    throw InvalidInput.of("target", "a duplicate must be of the same type");
                }
            }
            case RELATED_TO -> { }
        }
    }

    private Set<UUID> ancestors(Ticket ticket) {
        Set<UUID> seen = new HashSet<>();
        List<UUID> level = List.of(ticket.id().value());
        for (int depth = 0; depth < 50 && !level.isEmpty(); depth++) {
            level = jdbc.sql("select target_id from ticket_links where kind = 'CHILD_OF' and source_id in (:ids)")
                    .param("ids", level)
                    .query((rs, n) -> requiredUuid(rs, "target_id"))
                    .list()
                    .stream()
                    .filter(seen::add)
                    .toList();
        }
        Objects.requireNonNull(seen);
        return seen;
    }
}
