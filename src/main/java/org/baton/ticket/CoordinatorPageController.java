package org.baton.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.baton.identity.CurrentUser;
import org.baton.identity.Role;
import org.baton.shared.Durations;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/** {@code GET /coordinator}: every open incident, P1 first and oldest first, with what needs a coordinator's eye. */
@Controller
class CoordinatorPageController {

    private final Workloads workloads;
    private final Clock clock;

    CoordinatorPageController(Workloads workloads, Clock clock) {
        this.workloads = workloads;
        this.clock = clock;
    }

    /**
     * One incident on the board.
     *
     * @param quietFor how long since the last customer status update (or since it was opened), e.g. "2 h 10 min"
     * @param risk as in the queues: {@code breached}, {@code soon} (due within 30 minutes), {@code running} or {@code none}
     */
    record BoardRow(String number, String priority, String priorityLabel, String subject, String organization, String status,
            @Nullable String pendingReason, Instant createdAt, @Nullable String owner, @Nullable String workingGroup,
            @Nullable Instant lastStatusUpdateAt, String quietFor, @Nullable Instant nextUpdateDueAt, boolean updateOverdue,
            @Nullable Instant slaDueAt, String risk) {}

    @GetMapping("/coordinator")
    String board(CurrentUser user, @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        if (user.role() != Role.COORDINATOR && user.role() != Role.ADMIN) {
            throw new AccessDeniedException("the coordinator board is for coordinators");
        }
        Instant now = clock.instant();
        var rows = workloads.openIncidents(user).stream().map(t -> row(t, now)).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("limit", Workloads.BOARD_LIMIT);
        model.addAttribute("unowned", rows.stream().filter(r -> r.owner() == null).count());
        model.addAttribute("breached", rows.stream().filter(r -> r.risk().equals("breached")).count());
        model.addAttribute("overdue", rows.stream().filter(BoardRow::updateOverdue).count());
        return htmx != null ? "ticket/coordinator :: board" : "ticket/coordinator";
    }

    static BoardRow row(Ticket t, Instant now) {
        Instant last = t.lastStatusUpdateAt() != null ? t.lastStatusUpdateAt() : t.createdAt();
        String risk = QueueRow.slaState(t.slaDueAt(), now);
        return new BoardRow(t.number().value(), t.priority().name().toLowerCase(Locale.ROOT), t.priority().label(), t.subject(),
                t.organizationName(), t.status().label(), t.pendingReason() == null ? null : t.pendingReason().label(), t.createdAt(),
                t.ownerName(), t.workingGroupName(), t.lastStatusUpdateAt(), span(Duration.between(last, now)), t.nextUpdateDueAt(),
                t.nextUpdateOverdue(now), t.slaDueAt(), risk);
    }

    /** "3 days", "1 day 4 h", "2 h 10 min", "5 min", "under a minute" (as the site's relative times). */
    static String span(Duration d) {
        String span = Durations.span(d);
        return span.isEmpty() ? "under a minute" : span;
    }
}
