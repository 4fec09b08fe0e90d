package org.baton.ticket;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.baton.api.BadParameter;
import org.baton.api.CursorPage;
import org.baton.api.IfMatch;
import org.baton.api.PageQuery;
import org.baton.api.ProblemDocument;
import org.baton.identity.CurrentUser;
import org.baton.identity.OrganizationId;
import org.baton.identity.SupportGroupId;
import org.baton.identity.UserId;
import org.baton.shared.InvalidInput;
import org.baton.shared.Sha256;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Tickets over the API: open, read, list and edit. What happens to a ticket is in {@link TicketWorkApiController}. */
@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Tickets", description = "Incidents, service requests, problems and operational tasks.")
class TicketApiController {

    static final String PROBLEM = "application/problem+json";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final TicketIntake intake;
    private final TicketDesk desk;
    private final Tickets tickets;
    private final TicketViews views;
    private final PriorityMatrix matrix;
    private final JsonMapper json;

    TicketApiController(TicketIntake intake, TicketDesk desk, Tickets tickets, TicketViews views, PriorityMatrix matrix,
            JsonMapper json) {
        this.intake = intake;
        this.desk = desk;
        this.tickets = tickets;
        this.views = views;
        this.matrix = matrix;
        this.json = json;
    }

    /** The body of a create. Enumerations and ids are read as text so that a bad value is reported by field name. */
    @Schema(name = "NewTicket")
    record NewTicket(
            @Schema(example = "INCIDENT", allowableValues = {"INCIDENT", "SERVICE_REQUEST", "PROBLEM", "OPERATIONAL_TASK"})
            @Nullable String type,
            @Schema(example = "VPN drops every few minutes") @Nullable String subject,
            @Nullable String description,
            @Schema(description = "The customer who asked; their organization is the ticket's.") @Nullable String requesterId,
            @Schema(description = "Without requesterId: who reported it (a caller without an account).") @Nullable String requesterName,
            @Nullable String requesterLocation,
            @Nullable String requesterContact,
            @Schema(description = "Without requesterId: the organization.") @Nullable String organizationId,
            @Schema(example = "PHONE", description = "Default PHONE for staff, PORTAL for customers.") @Nullable String channel,
            @Schema(example = "Network") @Nullable String category,
            @Schema(example = "MEDIUM", allowableValues = {"HIGH", "MEDIUM", "LOW"}) @Nullable String impact,
            @Schema(example = "HIGH", allowableValues = {"HIGH", "MEDIUM", "LOW"}) @Nullable String urgency,
            @Schema(description = "Operational tasks only.") @Nullable String dueAt,
            @Schema(description = "Resolve on first contact: the resolution code (staff).") @Nullable String resolutionCode,
            @Schema(description = "Resolve on first contact: what was done.") @Nullable String resolutionNotes) {

        TicketIntake.OpenTicket command() {
            Fields f = new Fields();
            TicketIntake.OpenTicket command = new TicketIntake.OpenTicket(f.enumValue("type", type, TicketType.class), subject,
                    description, f.id("requesterId", requesterId, UserId::new), requesterName, requesterLocation,
                    requesterContact, f.id("organizationId", organizationId, OrganizationId::new),
                    f.enumValue("channel", channel, Channel.class), category, f.enumValue("impact", impact, Impact.class),
                    f.enumValue("urgency", urgency, Urgency.class), f.instant("dueAt", dueAt), resolutionCode, resolutionNotes);
            f.check();
            return command;
        }
    }

    @PostMapping
    @Operation(summary = "Open a ticket",
            description = "Staff who open a ticket (a phone call, a walk-in) become its owner and it starts as ASSIGNED; with "
                    + "resolutionCode and resolutionNotes it is resolved in the same step (first-contact resolution). "
                    + "A customer's ticket starts as NEW. The priority follows from impact × urgency. With an Idempotency-Key, "
                    + "a retry with the same key and body within 24 hours returns the first answer and creates nothing "
                    + "(header Idempotent-Replayed: true); the same key with another body is 422.")
    @Parameter(name = IDEMPOTENCY_KEY, in = ParameterIn.HEADER, description = "Any unique string up to 200 characters, e.g. a UUID.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NewTicket.class),
            examples = @ExampleObject(value = "{\"type\": \"INCIDENT\", \"subject\": \"VPN drops every few minutes\", "
                    + "\"requesterId\": \"6f1c2d3e-0000-4000-8000-000000000001\", \"channel\": \"PHONE\", \"category\": \"Network\", "
                    + "\"impact\": \"MEDIUM\", \"urgency\": \"HIGH\"}")))
    @ApiResponse(responseCode = "201", description = "Opened; Location names it.", headers = {@Header(name = "Location"), @Header(name = "ETag")},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TicketResource.class)))
    @ApiResponse(responseCode = "400", description = "The body is not JSON, or the Idempotency-Key is too long.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "403", description = "Customers open only incidents and service requests, and do not resolve.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "422", description = "Invalid fields, each named in errors; or an Idempotency-Key reused with another body.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<?> create(CurrentUser user,
            @Parameter(hidden = true) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key,
            @RequestBody NewTicket body) {
        TicketIntake.OpenTicket command = body.command();
        if (key == null) {
            Ticket ticket = intake.open(user, command);
            return ResponseEntity.created(location(ticket)).eTag(String.valueOf(ticket.version())).body(views.resource(ticket));
        }
        if (key.isBlank() || key.length() > 200) {
            throw new BadParameter(IDEMPOTENCY_KEY, "must be 1 to 200 characters");
        }
        TicketIntake.Answer answer = intake.open(user, command, key, Sha256.hex(json.writeValueAsString(body)), ticket ->
                new TicketIntake.Answer(HttpStatus.CREATED.value(), location(ticket).toString(),
                        json.writeValueAsString(views.resource(ticket)), false));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON);
        if (answer.location() != null) {
            response.location(URI.create(answer.location()));
        }
        if (answer.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(answer.body());
    }

    @GetMapping("/{number}")
    @Operation(summary = "Read one ticket", description = "By its number, e.g. INC-1042. The ETag carries the version for If-Match.")
    @ApiResponse(responseCode = "200", description = "The ticket.", headers = @Header(name = "ETag"))
    @ApiResponse(responseCode = "404", description = "No such ticket, or one you may not see.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<TicketResource> get(CurrentUser user, @PathVariable String number) {
        Ticket ticket = views.visible(user, number);
        return ResponseEntity.ok().eTag(String.valueOf(ticket.version())).body(views.resource(ticket));
    }

    @GetMapping
    @Operation(summary = "List tickets you may see",
            description = "Newest change first, with cursor pagination. Filters combine with AND; a repeated filter "
                    + "(status=NEW&status=PENDING) matches any of its values.")
    @ApiResponse(responseCode = "200", description = "One page; follow nextCursor or the Link header for more.")
    @ApiResponse(responseCode = "400", description = "A bad filter, limit or cursor; errors names it.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<CursorPage<TicketResource>> list(CurrentUser user,
            @Parameter(description = "Statuses, e.g. NEW, PENDING.") @RequestParam(required = false) @Nullable List<String> status,
            @Parameter(description = "Types, e.g. INCIDENT.") @RequestParam(required = false) @Nullable List<String> type,
            @Parameter(description = "Priorities, e.g. P1.") @RequestParam(required = false) @Nullable List<String> priority,
            @Parameter(description = "Only open (true) or only finished (false) tickets.") @RequestParam(required = false) @Nullable Boolean open,
            @Parameter(description = "The owner's id, or me.") @RequestParam(required = false) @Nullable String ownerId,
            @Parameter(description = "The working group's id.") @RequestParam(required = false) @Nullable String groupId,
            @RequestParam(required = false) @Nullable String organizationId,
            @RequestParam(required = false) @Nullable String requesterId,
            @Parameter(description = "Changed at or after this instant (RFC 3339).") @RequestParam(required = false) @Nullable String updatedSince,
            @Parameter(description = "Only open tickets whose promised next update is late.")
                    @RequestParam(required = false, defaultValue = "false") boolean nextUpdateOverdue,
            @Parameter(description = "-updatedAt (the default: newest change first), slaDue (nearest service-level due first; "
                    + "only tickets with a running SLA or OLA target) or nextUpdateDue (earliest promised next update first, "
                    + "the longest overdue at the top; only open tickets with a promised update).")
                    @RequestParam(required = false) @Nullable String sort,
            @Parameter(description = "Items per page, 1 to 200.", example = "50") @RequestParam(required = false) @Nullable Integer limit,
            @Parameter(description = "The nextCursor of the previous page.") @RequestParam(required = false) @Nullable String cursor) {
        TicketOrder order = TicketOrder.parse(sort);
        PageQuery page = PageQuery.of(limit, cursor);
        TicketFilter filter;
        try {
            Fields f = new Fields();
            filter = new TicketFilter(values(f, "status", status, TicketStatus.class), values(f, "type", type, TicketType.class),
                    values(f, "priority", priority, Priority.class), open,
                    "me".equals(ownerId) ? user.id() : f.id("ownerId", ownerId, UserId::new),
                    f.id("groupId", groupId, SupportGroupId::new),
                    f.id("organizationId", organizationId, OrganizationId::new), f.id("requesterId", requesterId, UserId::new),
                    f.instant("updatedSince", updatedSince), nextUpdateOverdue);
            f.check();
        } catch (InvalidInput e) {
            throw new BadParameter(e.problems().getFirst().field(), e.problems().getFirst().message());
        }
        List<Ticket> rows = tickets.page(user, filter, order, page.after(), page.fetchSize(), desk.now());
        return CursorPage.fromLookahead(rows, page, Tickets.cursorKey(order),
                views::resource).toResponse();
    }

    @PatchMapping("/{number}")
    @Operation(summary = "Edit a ticket's fields (staff)",
            description = "A JSON Merge Patch (RFC 7396) of subject, description, category, impact, urgency, requesterLocation, "
                    + "requesterContact or (operational tasks) dueAt; the priority follows impact × urgency. Status, owner and "
                    + "working group change through their own sub-resources. If-Match must carry the ETag you read.")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, required = true, description = "The ETag you read, e.g. \"3\".")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
        @Content(mediaType = "application/merge-patch+json", examples = @ExampleObject(value = "{\"impact\": \"HIGH\"}")),
        @Content(mediaType = "application/json")
    })
    @ApiResponse(responseCode = "200", description = "The changed ticket.", headers = @Header(name = "ETag"))
    @ApiResponse(responseCode = "400", description = "Not JSON, or If-Match missing.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "403", description = "Customers do not edit tickets.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "No such ticket, or one you may not see.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "412", description = "Changed by someone else since you read it; nothing was changed.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "422", description = "Invalid fields, or fields that PATCH does not change; errors names each.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<TicketResource> patch(CurrentUser user, @PathVariable String number,
            @Parameter(hidden = true) @RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch,
            @RequestBody JsonNode patch) {
        TicketNumber ticketNumber = TicketViews.number(number);
        Long expected = IfMatch.version(ifMatch);
        Ticket changed = desk.change(user, ticketNumber, expected, c -> {
            TicketDesk.requireStaff(user);
            TicketEdits.apply(patch, c, matrix);
        });
        return ResponseEntity.ok().eTag(String.valueOf(changed.version())).body(views.resource(changed));
    }

    private static <E extends Enum<E>> Set<E> values(Fields f, String field, @Nullable List<String> raw, Class<E> type) {
        if (raw == null) {
            return Set.of();
        }
        return raw.stream().flatMap(v -> List.of(v.split(",")).stream())
                .map(v -> f.enumValue(field, v, type))
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
    }

    private static URI location(Ticket ticket) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/tickets/{number}")
                .buildAndExpand(ticket.number().value()).toUri();
    }
}
