package org.baton.sla;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.baton.calendar.BusinessCalendars;
import org.baton.identity.SupportGroupId;
import org.baton.shared.TransactionScoped;
import org.baton.ticket.Channel;
import org.baton.ticket.OpeningForecast;
import org.baton.ticket.PendingReason;
import org.baton.ticket.CommentAdded;
import org.baton.ticket.StatusUpdatePosted;
import org.baton.ticket.Ticket;
import org.baton.ticket.TicketHandOffAccepted;
import org.baton.ticket.TicketHandedBack;
import org.baton.ticket.TicketHandedOff;
import org.baton.ticket.TicketId;
import org.baton.ticket.TicketOpened;
import org.baton.ticket.TicketPriorityChanged;
import org.baton.ticket.TicketQueries;
import org.baton.ticket.TicketRecords;
import org.baton.ticket.TicketStatus;
import org.baton.ticket.TicketStatusChanged;
import org.baton.ticket.Visibility;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a ticket's clocks with the ticket's own events, synchronously and in the transaction of the change
 * that raised them (see ADR 0006): a ticket is never saved without its clocks agreeing with it, and a crash
 * loses neither. Each handler locks the ticket's clocks, applies what the event means, then reconciles every
 * clock with the ticket's status (pause, resume, stop, restart) so that the order of events within one change
 * does not matter.
 *
 * <p>The rules: first response and resolution start when the ticket is opened; a contact logged by staff on the
 * phone or at the desk is answered at once. First response is met by the first public reply, status update or
 * resolution by staff. Next update starts with the first response and again after every status update (due at
 * the cadence, or at the time promised to the customer if that is sooner). Resolution is met on resolving, and
 * runs again on reopening (the resolved time counts as paused). A hand-off starts the group's accept and complete
 * clocks; accepting meets the first, handing back or resolving both. A priority change measures every running
 * target again from its original start. Closing or cancelling stops what is still running, unmeasured, and so
 * does merging a duplicate into another ticket (the survivor's clocks measure the work).
 */
@Component
class ServiceLevelTracking implements OpeningForecast {

    /** The transaction resource holding the clocks {@link #nearestDue} worked out for new tickets. */
    private static final Object FORECASTS = new Object() {
        @Override
        public String toString() {
            return "service-level clocks forecast for new tickets";
        }
    };

    private final TicketQueries tickets;
    private final ServiceLevelPolicies policies;
    private final Clocks clocks;
    private final BusinessCalendars calendars;
    private final TicketRecords records;

    ServiceLevelTracking(TicketQueries tickets, ServiceLevelPolicies policies, Clocks clocks, BusinessCalendars calendars,
            TicketRecords records) {
        this.tickets = tickets;
        this.policies = policies;
        this.clocks = clocks;
        this.calendars = calendars;
        this.records = records;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(TicketOpened event) {
        // the ticket was inserted by this transaction: no one else can have started clocks for it, nothing to lock
        work(event.ticketId(), event.occurredAt(), true, this::opened);
    }

    /**
     * The nearest due instant {@link #on(TicketOpened)} will record for this ticket, worked out the same way without
     * storing anything, so that the ticket is inserted with it.
     */
    @Override
    public @Nullable Instant nearestDue(Ticket opening) {
        ClockWork w = new ClockWork(opening, List.of(), policies, calendars);
        opened(w);
        reconcile(w, opening.createdAt());
        w.schedule();
        var forecasts = forecasts(true);
        if (forecasts != null) {
            // kept for on(TicketOpened) in this transaction: the clocks are saved as worked out here
            forecasts.put(opening.id(), w);
        }
        return w.nearestDue();
    }

    /** The clocks worked out by {@link #nearestDue} in this transaction, by ticket (null when none and not {@code create}). */
    private static java.util.@Nullable Map<TicketId, ClockWork> forecasts(boolean create) {
        return TransactionScoped.value(FORECASTS, create ? java.util.HashMap::new : null);
    }

    /** A new ticket: first response and resolution start; a contact staff logged by phone or at the desk is answered. */
    private void opened(ClockWork w) {
        Ticket t = w.ticket();
        policies.slaFor(t.organizationId()).ifPresent(policy -> {
            for (ServiceTarget target : List.of(ServiceTarget.FIRST_RESPONSE, ServiceTarget.RESOLUTION)) {
                policy.target(t.type(), t.priority(), target).ifPresent(pt -> w.add(TargetClock.start(t.id(), target, 1,
                        policy.id(), null, policy.calendarOf(pt), pt.duration(), null, t.createdAt())));
            }
        });
        if (t.createdBy() != null && (t.channel() == Channel.PHONE || t.channel() == Channel.WALK_IN)) {
            firstResponse(w, t.createdAt());
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(CommentAdded event) {
        if (event.visibility() == Visibility.PUBLIC && !event.byCustomer()) {
            work(event.ticketId(), event.occurredAt(), w -> firstResponse(w, event.occurredAt()));
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(StatusUpdatePosted event) {
        work(event.ticketId(), event.occurredAt(), w -> {
            firstResponse(w, event.occurredAt());
            w.active(ServiceTarget.NEXT_UPDATE).ifPresent(c -> w.stop(c, event.occurredAt(), true, "UPDATED"));
            startNextUpdate(w, event.occurredAt(), event.nextUpdateDueAt());
        });
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(TicketHandedOff event) {
        work(event.ticketId(), event.occurredAt(), w -> {
            for (ServiceTarget target : List.of(ServiceTarget.ACCEPT, ServiceTarget.COMPLETE)) {
                w.active(target).ifPresent(c -> w.stop(c, event.occurredAt(), false, "HANDED_ON"));
            }
            Ticket t = w.ticket();
            policies.olaFor(event.groupId()).ifPresent(ola -> {
                int cycle = Math.max(w.nextCycle(ServiceTarget.ACCEPT), w.nextCycle(ServiceTarget.COMPLETE));
                for (ServiceTarget target : List.of(ServiceTarget.ACCEPT, ServiceTarget.COMPLETE)) {
                    ola.target(t.type(), t.priority(), target).ifPresent(pt -> w.add(TargetClock.start(t.id(), target, cycle,
                            ola.id(), event.groupId(), ola.calendarOf(pt), pt.duration(), null, event.occurredAt())));
                }
            });
        });
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(TicketHandOffAccepted event) {
        work(event.ticketId(), event.occurredAt(), w -> meetOla(w, event.groupId(), event.occurredAt(), List.of(ServiceTarget.ACCEPT)));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(TicketHandedBack event) {
        work(event.ticketId(), event.occurredAt(), w -> meetOla(w, event.groupId(), event.occurredAt(),
                List.of(ServiceTarget.ACCEPT, ServiceTarget.COMPLETE)));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(TicketPriorityChanged event) {
        work(event.ticketId(), event.occurredAt(), w -> {
            Ticket t = w.ticket();
            for (TargetClock clock : w.clocks()) {
                if (clock.stopped()) {
                    continue;
                }
                Optional<ServiceLevelPolicy> policy = clock.target().operational() && clock.supportGroupId() != null
                        ? policies.olaFor(clock.supportGroupId())
                        : policies.slaFor(t.organizationId());
                Optional<PolicyTarget> target = policy.flatMap(p -> p.target(t.type(), event.to(), clock.target()));
                if (target.isEmpty()) {
                    w.stop(clock, event.occurredAt(), false, "NO_TARGET_FOR_" + event.to());
                    continue;
                }
                TargetClock retargeted = clock.retarget(target.get().duration(), policy.get().calendarOf(target.get()));
                w.replace(retargeted);
                w.note(retargeted, Texts.name(retargeted) + " target is now " + Texts.duration(retargeted.amount())
                        + " of business time (" + event.from() + " → " + event.to() + "), measured from when its clock started.",
                        event.occurredAt());
            }
        });
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(TicketStatusChanged event) {
        work(event.ticketId(), event.occurredAt(), w -> {});
    }

    // ------------------------------------------------------------------ rules

    private void firstResponse(ClockWork w, Instant at) {
        Optional<TargetClock> first = w.active(ServiceTarget.FIRST_RESPONSE);
        first.ifPresent(c -> w.stop(c, at, true, "RESPONDED"));
        boolean responded = first.isPresent() || w.latest(ServiceTarget.FIRST_RESPONSE).isEmpty();
        if (responded && w.latest(ServiceTarget.NEXT_UPDATE).isEmpty()) {
            startNextUpdate(w, at, null);
        }
    }

    private void startNextUpdate(ClockWork w, Instant at, @Nullable Instant promised) {
        Ticket t = w.ticket();
        if (!t.isOpen() || t.status() == TicketStatus.RESOLVED) {
            return;
        }
        policies.slaFor(t.organizationId()).ifPresent(policy -> policy.target(t.type(), t.priority(), ServiceTarget.NEXT_UPDATE)
                .ifPresent(pt -> w.add(TargetClock.start(t.id(), ServiceTarget.NEXT_UPDATE, w.nextCycle(ServiceTarget.NEXT_UPDATE),
                        policy.id(), null, policy.calendarOf(pt), pt.duration(), promised, at))));
    }

    private static void meetOla(ClockWork w, SupportGroupId group, Instant at, List<ServiceTarget> targets) {
        for (ServiceTarget target : targets) {
            w.active(target).filter(c -> group.equals(c.supportGroupId())).ifPresent(c -> w.stop(c, at, true, "DONE"));
        }
    }

    /** Brings every clock in line with the ticket's status at {@code at}. */
    private void reconcile(ClockWork w, Instant at) {
        Ticket t = w.ticket();
        boolean reopened = false;
        for (TargetClock clock : w.clocks()) {
            if (t.status() == TicketStatus.RESOLVED) {
                if (!clock.stopped()) {
                    // a duplicate merged into another ticket is not a resolution: the survivor's clocks measure the work
                    boolean merged = t.mergedIntoId() != null;
                    w.stop(clock, at, !merged, merged ? "MERGED" : "RESOLVED");
                }
            } else if (!t.isOpen()) {
                if (!clock.stopped()) {
                    w.stop(clock, at, false, t.status().name());
                }
            } else if (clock.stopped()) {
                if (clock.target() == ServiceTarget.RESOLUTION && "RESOLVED".equals(clock.stopReason())) {
                    TargetClock restarted = clock.restart(at);
                    w.replace(restarted);
                    w.note(restarted, "Ticket reopened: the resolution clock runs again (the time it was resolved does not count).", at);
                    reopened = true;
                }
            } else {
                PendingReason waitingFor = t.status() == TicketStatus.PENDING ? t.pendingReason() : null;
                boolean pause = waitingFor != null && w.policy(clock.policyId()).map(p -> p.pauseOn().contains(waitingFor))
                        .orElse(waitingFor == PendingReason.CUSTOMER);
                if (pause && clock.running()) {
                    w.replace(clock.pause(at));
                } else if (!pause && clock.state() == TargetClock.State.PAUSED) {
                    w.replace(clock.resume(at));
                }
            }
        }
        if (reopened && w.active(ServiceTarget.NEXT_UPDATE).isEmpty()) {
            startNextUpdate(w, at, null);
            reconcile(w, at);
        }
    }

    private void work(TicketId id, Instant at, java.util.function.Consumer<ClockWork> change) {
        work(id, at, false, change);
    }

    private void work(TicketId id, Instant at, boolean opened, java.util.function.Consumer<ClockWork> change) {
        var forecasts = opened ? forecasts(false) : null;
        ClockWork w = forecasts == null ? null : forecasts.remove(id);
        if (w == null) {
            Ticket ticket = tickets.find(id).orElseThrow(() -> new IllegalStateException("ticket " + id + " raised an event but is gone"));
            w = new ClockWork(ticket, opened ? List.of() : clocks.lockOf(id), policies, calendars);
            change.accept(w);
            reconcile(w, at);
        }
        if (!w.anyChanged() && w.outcomes().isEmpty()) {
            return;
        }
        if (!clocks.saveAll(w.changedScheduled())) {
            throw new IllegalStateException("a clock of ticket " + id + " changed under a lock");
        }
        w.writeOutcomes(records);
        records.recordNearestDue(id, w.nearestDue());
    }
}
