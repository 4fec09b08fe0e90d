package org.baton.ticket;

import static org.baton.ticket.TicketApiController.PROBLEM;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.baton.api.BadParameter;
import org.baton.api.CursorPage;
import org.baton.api.PageQuery;
import org.baton.api.ProblemDocument;
import org.baton.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A ticket's timeline, oldest first: every change, reply, note, hand-off, transfer, notification and
 * status update, with actor, time and before/after values. Customers see the public entries only.
 * A ticket that duplicates were merged into shows their entries too, each naming its ticket.
 */
@RestController
@RequestMapping("/api/v1/tickets/{number}/timeline")
@Tag(name = "Ticket work")
@ApiResponse(responseCode = "404", description = "No such ticket, or one you may not see.",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
class TimelineApiController {

    private static final int EXPORT_BATCH = 1000;

    private final TicketViews views;
    private final Tickets tickets;
    private final Timeline timeline;
    private final JsonMapper json;

    TimelineApiController(TicketViews views, Tickets tickets, Timeline timeline, JsonMapper json) {
        this.views = views;
        this.tickets = tickets;
        this.timeline = timeline;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "Read the timeline, a page at a time")
    @ApiResponse(responseCode = "200", description = "One page of entries, oldest first.")
    ResponseEntity<CursorPage<TimelineEntryResource>> page(CurrentUser user, @PathVariable String number,
            @Parameter(description = "Items per page, 1 to 200.") @RequestParam(required = false) @Nullable Integer limit,
            @Parameter(description = "The nextCursor of the previous page.") @RequestParam(required = false) @Nullable String cursor) {
        PageQuery page = PageQuery.of(limit, cursor);
        Ticket ticket = views.visible(user, number);
        List<TimelineEntry> rows = timeline.page(ticketAndMerged(ticket), user.isStaff(), after(page.after()), page.fetchSize());
        return CursorPage.fromLookahead(rows, page, e -> Long.toString(e.id()), this::resource).toResponse();
    }

    @GetMapping("/export")
    @Operation(summary = "Download the whole timeline as JSON or CSV",
            description = "format=json (an array of entries) or format=csv (RFC 4180, one row per entry, details as JSON text).")
    @ApiResponse(responseCode = "200", description = "The file, as an attachment named after the ticket.")
    @ApiResponse(responseCode = "400", description = "An unknown format.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<String> export(CurrentUser user, @PathVariable String number,
            @Parameter(description = "json or csv.") @RequestParam(defaultValue = "json") String format) {
        if (!format.equals("json") && !format.equals("csv")) {
            throw new BadParameter("format", "must be json or csv");
        }
        Ticket ticket = views.visible(user, number);
        List<TicketId> ids = ticketAndMerged(ticket);
        List<TimelineEntry> all = new ArrayList<>();
        long after = 0;
        while (true) {
            List<TimelineEntry> batch = timeline.page(ids, user.isStaff(), after, EXPORT_BATCH);
            all.addAll(batch);
            if (batch.size() < EXPORT_BATCH) {
                break;
            }
            after = batch.getLast().id();
        }
        boolean csv = format.equals("csv");
        String body = csv ? TimelineCsv.write(all) : json.writeValueAsString(all.stream().map(this::resource).toList());
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(ticket.number() + "-timeline." + format).build().toString())
                .body(body);
    }

    private List<TicketId> ticketAndMerged(Ticket ticket) {
        List<TicketId> ids = new ArrayList<>();
        ids.add(ticket.id());
        ids.addAll(tickets.mergedInto(ticket.id()));
        return ids;
    }

    private static long after(@Nullable String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new BadParameter("cursor", "is not a cursor this API handed out");
        }
    }

    private TimelineEntryResource resource(TimelineEntry e) {
        JsonNode details = e.details() == null ? null : json.readTree(e.details());
        return new TimelineEntryResource(e.id(), e.ticketNumber().value(), e.kind(), e.visibility(),
                new TimelineEntryResource.Actor(e.actorId() == null ? null : e.actorId().value().toString(), e.actorName()),
                e.occurredAt(), e.body(), details);
    }
}
