package org.baton.ticket;

import static org.baton.ticket.TicketStatus.ASSIGNED;
import static org.baton.ticket.TicketStatus.CANCELLED;
import static org.baton.ticket.TicketStatus.CLOSED;
import static org.baton.ticket.TicketStatus.IN_PROGRESS;
import static org.baton.ticket.TicketStatus.KNOWN_ERROR;
import static org.baton.ticket.TicketStatus.NEW;
import static org.baton.ticket.TicketStatus.PENDING;
import static org.baton.ticket.TicketStatus.RESOLVED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state machine of one ticket type: which status may follow which, what a pending ticket may
 * wait for, and which resolution codes close it. Closed and cancelled are final; a resolved ticket
 * is closed or reopened (back to in progress).
 */
public final class Lifecycle {

    private final TicketType type;
    private final Map<TicketStatus, Set<TicketStatus>> moves;
    private final Set<PendingReason> pendingReasons;
    private final List<String> resolutionCodes;

    private Lifecycle(TicketType type, Map<TicketStatus, Set<TicketStatus>> moves, Set<PendingReason> pendingReasons,
            List<String> resolutionCodes) {
        this.type = type;
        this.moves = moves;
        this.pendingReasons = pendingReasons;
        this.resolutionCodes = resolutionCodes;
    }

    public static Lifecycle of(TicketType type) {
        return switch (type) {
            case INCIDENT -> INCIDENT;
            case SERVICE_REQUEST -> SERVICE_REQUEST;
            case PROBLEM -> PROBLEM;
            case OPERATIONAL_TASK -> OPERATIONAL_TASK;
        };
    }

    public TicketType type() {
        return type;
    }

    public boolean allows(TicketStatus from, TicketStatus to) {
        return moves.getOrDefault(from, Set.of()).contains(to);
    }

    /** The statuses a ticket in {@code from} may move to, in lifecycle order. */
    public Set<TicketStatus> next(TicketStatus from) {
        Set<TicketStatus> next = moves.getOrDefault(from, Set.of());
        return next.isEmpty() ? Set.of() : EnumSet.copyOf(next);
    }

    public Set<PendingReason> pendingReasons() {
        return EnumSet.copyOf(pendingReasons);
    }

    public List<String> resolutionCodes() {
        return resolutionCodes;
    }

    /** Whether the move is a reopening: a resolved ticket going back to work. */
    static boolean isReopen(TicketStatus from, TicketStatus to) {
        return from == RESOLVED && to == IN_PROGRESS;
    }

    private static final Lifecycle INCIDENT = new Lifecycle(TicketType.INCIDENT, table(
                    NEW, EnumSet.of(ASSIGNED, IN_PROGRESS, RESOLVED, CANCELLED),
                    ASSIGNED, EnumSet.of(IN_PROGRESS, PENDING, RESOLVED, CANCELLED),
                    IN_PROGRESS, EnumSet.of(PENDING, RESOLVED, CANCELLED),
                    PENDING, EnumSet.of(IN_PROGRESS, RESOLVED, CANCELLED),
                    RESOLVED, EnumSet.of(CLOSED, IN_PROGRESS)),
            EnumSet.of(PendingReason.CUSTOMER, PendingReason.THIRD_PARTY),
            List.of("FIXED", "WORKAROUND", "NO_FAULT_FOUND", "USER_ERROR", "CANNOT_REPRODUCE", "DUPLICATE"));

    private static final Lifecycle SERVICE_REQUEST = new Lifecycle(TicketType.SERVICE_REQUEST, table(
                    NEW, EnumSet.of(ASSIGNED, IN_PROGRESS, PENDING, RESOLVED, CANCELLED),
                    ASSIGNED, EnumSet.of(IN_PROGRESS, PENDING, RESOLVED, CANCELLED),
                    IN_PROGRESS, EnumSet.of(PENDING, RESOLVED, CANCELLED),
                    PENDING, EnumSet.of(IN_PROGRESS, RESOLVED, CANCELLED),
                    RESOLVED, EnumSet.of(CLOSED, IN_PROGRESS)),
            EnumSet.of(PendingReason.CUSTOMER, PendingReason.THIRD_PARTY, PendingReason.APPROVAL),
            List.of("FULFILLED", "REJECTED", "WITHDRAWN", "DUPLICATE"));

    private static final Lifecycle PROBLEM = new Lifecycle(TicketType.PROBLEM, table(
                    NEW, EnumSet.of(ASSIGNED, IN_PROGRESS, CANCELLED),
                    ASSIGNED, EnumSet.of(IN_PROGRESS, CANCELLED),
                    IN_PROGRESS, EnumSet.of(PENDING, KNOWN_ERROR, RESOLVED, CANCELLED),
                    PENDING, EnumSet.of(IN_PROGRESS, CANCELLED),
                    KNOWN_ERROR, EnumSet.of(IN_PROGRESS, RESOLVED, CANCELLED),
                    RESOLVED, EnumSet.of(CLOSED, IN_PROGRESS)),
            EnumSet.of(PendingReason.THIRD_PARTY),
            List.of("ROOT_CAUSE_REMOVED", "WORKAROUND_ACCEPTED", "NO_ACTION", "DUPLICATE"));

    private static final Lifecycle OPERATIONAL_TASK = new Lifecycle(TicketType.OPERATIONAL_TASK, table(
                    NEW, EnumSet.of(ASSIGNED, IN_PROGRESS, CANCELLED),
                    ASSIGNED, EnumSet.of(IN_PROGRESS, CANCELLED),
                    IN_PROGRESS, EnumSet.of(PENDING, RESOLVED, CANCELLED),
                    PENDING, EnumSet.of(IN_PROGRESS, CANCELLED),
                    RESOLVED, EnumSet.of(CLOSED, IN_PROGRESS)),
            EnumSet.of(PendingReason.THIRD_PARTY),
            List.of("COMPLETED", "COMPLETED_WITH_ISSUES", "SKIPPED", "DUPLICATE"));

    private static Map<TicketStatus, Set<TicketStatus>> table(Object... pairs) {
        Map<TicketStatus, Set<TicketStatus>> table = new EnumMap<>(TicketStatus.class);
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            Set<TicketStatus> next = (Set<TicketStatus>) pairs[i + 1];
            table.put((TicketStatus) pairs[i], next);
        }
        return table;
    }
}
