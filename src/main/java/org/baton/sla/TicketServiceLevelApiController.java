package org.baton.sla;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.baton.api.ProblemDocument;
import org.baton.identity.CurrentUser;
import org.baton.shared.NotFound;
import org.baton.ticket.Ticket;
import org.baton.ticket.TicketNumber;
import org.baton.ticket.TicketQueries;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A ticket's service-level targets: start, due instant, pauses, business time left, met or breached. */
@RestController
@RequestMapping("/api/v1/tickets/{number}/service-levels")
@Tag(name = "Service levels", description = "Where each SLA and OLA target of a ticket stands.")
class TicketServiceLevelApiController {

    private static final String PROBLEM = "application/problem+json";

    private final TicketQueries tickets;
    private final ServiceLevels levels;
    private final Clock clock;

    TicketServiceLevelApiController(TicketQueries tickets, ServiceLevels levels, Clock clock) {
        this.tickets = tickets;
        this.levels = levels;
        this.clock = clock;
    }

    @Schema(name = "ServiceLevelTargetStatus")
    record TargetResource(String target, boolean operational, int cycle, String state,
            @Schema(description = "PENDING, MET, BREACHED or CANCELLED") String outcome, String startedAt,
            @Schema(description = "Null while paused.") @Nullable String dueAt, String businessTime,
            @Schema(description = "Business time left now (negative once overdrawn), ISO-8601.") String remaining,
            List<Paused> paused, @Nullable String metAt, @Nullable String breachedAt, @Nullable String stoppedAt, String calendarId,
            @Nullable String supportGroupId) {}

    record Paused(String pausedAt, @Nullable String resumedAt) {}

    record Page(String number, List<TargetResource> items) {}

    @GetMapping
    @Operation(summary = "The ticket's service-level targets (staff)",
            description = "Every SLA target (first response, next update cycles, resolution) and OLA target (accept and complete, "
                    + "per hand-off) the ticket is measured against, in the order they started.")
    @ApiResponse(responseCode = "200", description = "The targets.")
    @ApiResponse(responseCode = "403", description = "Customers do not see the desk's service-level measurements.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "No such ticket, or one you may not see.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    Page get(CurrentUser user, @PathVariable String number) {
        TicketNumber n = TicketNumber.parse(number).orElseThrow(() -> new NotFound("ticket", number));
        Ticket ticket = tickets.visible(n, user).orElseThrow(() -> new NotFound("ticket", number));
        if (!user.isStaff()) {
            throw new AccessDeniedException("only staff see service levels");
        }
        Instant now = clock.instant();
        return new Page(ticket.number().value(), levels.of(ticket.id(), now).stream().map(s -> new TargetResource(s.target().name(),
                s.target().operational(), s.cycle(), s.state(), s.outcome(), s.startedAt().toString(), text(s.dueAt()),
                s.businessTime().toString(), s.remaining().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                s.paused().stream().map(p -> new Paused(p.pausedAt().toString(), text(p.resumedAt()))).toList(), text(s.metAt()),
                text(s.breachedAt()), text(s.stoppedAt()), s.calendarId().toString(),
                s.supportGroupId() == null ? null : s.supportGroupId().toString())).toList());
    }

    private static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
