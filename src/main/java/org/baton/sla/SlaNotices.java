package org.baton.sla;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.baton.identity.Directory;
import org.baton.identity.Role;
import org.baton.identity.SupportGroup;
import org.baton.identity.SupportGroupId;
import org.baton.identity.User;
import org.baton.identity.UserId;
import org.baton.outbox.Outbox;
import org.baton.outbox.OutboxMessage;
import org.baton.ticket.Ticket;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who is told about a warning or a breach, through the outbox (one message per person, kind
 * {@value #KIND}). Before a breach the people doing the work hear: the assignee and the working group (for an
 * OLA, the group it binds; with no hand-off, the owner; with nobody at all, the coordinators). At the breach the people accountable hear: the owner,
 * the team leads of the owner's and the working group's teams, and every coordinator (with none of them, the
 * administrators: a breach is never silent).
 */
@Component
class SlaNotices {

    static final String KIND = "STAFF_NOTIFICATION";

    private final Directory directory;
    private final Outbox outbox;

    SlaNotices(Directory directory, Outbox outbox) {
        this.directory = directory;
        this.outbox = outbox;
    }

    /**
     * The people a batch of firings looks up, each once per batch (a sweep batch fires up to 200 clocks, mostly of the
     * same groups, leads and coordinators): one instance per transaction, never kept longer.
     */
    final class Lookups {
        private final Map<UserId, java.util.Optional<User>> users = new java.util.HashMap<>();
        private final Map<SupportGroupId, java.util.Optional<SupportGroup>> groups = new java.util.HashMap<>();
        private final Map<Role, java.util.List<User>> roles = new java.util.EnumMap<>(Role.class);

        java.util.Optional<User> user(UserId id) {
            return users.computeIfAbsent(id, directory::user);
        }

        java.util.Optional<SupportGroup> group(SupportGroupId id) {
            return groups.computeIfAbsent(id, directory::supportGroup);
        }

        java.util.List<User> staff(Role role) {
            return roles.computeIfAbsent(role, directory::activeStaff);
        }
    }

    Lookups lookups() {
        return new Lookups();
    }

    /** Sends the warning; returns the people it went to. */
    Set<UserId> warn(Ticket ticket, TargetClock clock, int percent, Instant at, Lookups look) {
        Set<UserId> to = new LinkedHashSet<>();
        SupportGroupId group = clock.target().operational() ? clock.supportGroupId() : ticket.workingGroupId();
        if (ticket.assigneeId() != null) {
            to.add(ticket.assigneeId());
        }
        if (group != null) {
            look.group(group).map(SupportGroup::memberIds).ifPresent(to::addAll);
        } else if (ticket.ownerId() != null) {
            to.add(ticket.ownerId());
        }
        if (to.isEmpty()) {
            // nobody has the ticket yet: the coordinators, who dispatch, hear of it
            look.staff(Role.COORDINATOR).forEach(c -> to.add(c.id()));
        }
        return send(to, ticket, clock, "SLA_WARNING", ticket.number() + ": " + Texts.warning(clock, percent), percent, at, look);
    }

    /** Sends the breach; returns the people it went to. */
    Set<UserId> breach(Ticket ticket, TargetClock clock, Instant at, Lookups look) {
        Set<UserId> to = new LinkedHashSet<>();
        if (ticket.ownerId() != null) {
            to.add(ticket.ownerId());
        }
        Set<SupportGroupId> teams = new LinkedHashSet<>();
        if (ticket.workingGroupId() != null) {
            teams.add(ticket.workingGroupId());
        }
        if (clock.supportGroupId() != null) {
            teams.add(clock.supportGroupId());
        }
        if (ticket.ownerId() != null) {
            look.user(ticket.ownerId()).map(User::groupIds).ifPresent(teams::addAll);
        }
        for (User lead : look.staff(Role.TEAM_LEAD)) {
            if (lead.groupIds().stream().anyMatch(teams::contains)) {
                to.add(lead.id());
            }
        }
        look.staff(Role.COORDINATOR).forEach(c -> to.add(c.id()));
        if (to.isEmpty()) {
            // a breach is never silent: with nobody accountable in sight, the administrators hear of it
            look.staff(Role.ADMIN).forEach(a -> to.add(a.id()));
        }
        return send(to, ticket, clock, "SLA_BREACH", ticket.number() + ": " + Texts.breached(clock), 100, at, look);
    }

    private Set<UserId> send(Set<UserId> recipients, Ticket ticket, TargetClock clock, String template, String subject, int percent,
            Instant at, Lookups look) {
        Set<UserId> sent = new LinkedHashSet<>();
        java.util.List<OutboxMessage> messages = new java.util.ArrayList<>();
        for (UserId id : recipients) {
            @Nullable User user = look.user(id).filter(User::active).orElse(null);
            if (user == null || !user.role().isStaff()) {
                continue;
            }
            Map<String, @Nullable Object> payload = new LinkedHashMap<>();
            payload.put("template", template);
            payload.put("userId", user.id().toString());
            payload.put("ticketNumber", ticket.number().value());
            payload.put("ticketSubject", ticket.subject());
            payload.put("target", clock.target().name());
            payload.put("cycle", clock.cycle());
            payload.put("percent", percent);
            payload.put("dueAt", Texts.text(clock.dueAt()));
            payload.put("firedAt", at.toString());
            messages.add(new OutboxMessage(KIND, ticket.id().value(), user.email(), subject, payload));
            sent.add(user.id());
        }
        outbox.enqueueAll(messages);
        return sent;
    }
}
