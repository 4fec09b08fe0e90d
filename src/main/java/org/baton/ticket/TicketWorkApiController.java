package org.baton.ticket;

import static org.baton.ticket.TicketApiController.PROBLEM;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.baton.api.IfMatch;
import org.baton.api.ProblemDocument;
import org.baton.identity.CurrentUser;
import org.baton.identity.SupportGroupId;
import org.baton.identity.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What happens to a ticket, each a sub-resource you POST to and each recorded on the timeline:
 * replies and notes, status changes, hand-offs and hand-backs, ownership transfers, status updates
 * and links. Each answers with the ticket as it is afterwards. {@code If-Match} is optional here:
 * with it, a ticket changed since you read it is refused with 412; without it, the command is
 * checked against the ticket as it is now.
 */
@RestController
@RequestMapping("/api/v1/tickets/{number}")
@Tag(name = "Ticket work", description = "Replies, transitions, hand-offs, ownership, status updates and links.")
@ApiResponse(responseCode = "404", description = "No such ticket, or one you may not see.",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
@ApiResponse(responseCode = "412", description = "If-Match named a version that is no longer current; nothing was changed.",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
@ApiResponse(responseCode = "422", description = "Invalid fields, each named in errors.",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
class TicketWorkApiController {

    private final TicketDesk desk;
    private final TicketLinks links;
    private final TicketViews views;

    TicketWorkApiController(TicketDesk desk, TicketLinks links, TicketViews views) {
        this.desk = desk;
        this.links = links;
        this.views = views;
    }

    @Schema(name = "NewComment")
    record NewComment(@Nullable String body, @Schema(allowableValues = {"PUBLIC", "INTERNAL"}, defaultValue = "PUBLIC") @Nullable String visibility) {}

    @Schema(name = "Transition")
    record Transition(
            @Schema(example = "RESOLVED", description = "The status to move to.") @Nullable String to,
            @Schema(description = "With PENDING: CUSTOMER, THIRD_PARTY or (service requests) APPROVAL.") @Nullable String pendingReason,
            @Schema(example = "FIXED", description = "With RESOLVED: a resolution code of the ticket's type.") @Nullable String resolutionCode,
            @Schema(description = "With RESOLVED: what was done.") @Nullable String resolutionNotes,
            @Schema(description = "Required to cancel or reopen.") @Nullable String reason) {}

    @Schema(name = "Handoff")
    record Handoff(@Nullable String groupId, @Schema(description = "Optionally a member of the group.") @Nullable String assigneeId,
            @Nullable String reason,
            @Schema(example = "ON_SITE_VISIT", description = "ON_SITE_VISIT, ACCESS, APPROVAL, VENDOR_WARRANTY, PROCUREMENT, EXPERTISE or OTHER")
            @Nullable String need,
            @Schema(example = "2026-11-24T14:00:00Z", description = "When the group expects to be done; in the future.") @Nullable String eta) {}

    @Schema(name = "Handback")
    record Handback(@Nullable String note) {}

    @Schema(name = "OwnershipTransfer")
    record OwnershipTransfer(@Nullable String ownerId, @Schema(description = "Required unless the ticket has no owner yet.") @Nullable String reason) {}

    @Schema(name = "StatusUpdate")
    record StatusUpdate(@Schema(example = "Replaced the faulty switch port; monitoring the link.") @Nullable String actionTaken,
            @Schema(example = "2026-11-23T16:00:00Z") @Nullable String expectedRestorationAt,
            @Schema(description = "Instead of expectedRestorationAt, when it cannot be known yet.") @Nullable String restorationUnknownReason,
            @Schema(example = "2026-11-23T15:00:00Z", description = "When the customer hears next; in the future.") @Nullable String nextUpdateAt) {}

    @Schema(name = "NewLink")
    record NewLink(@Schema(example = "CAUSED_BY", description = "CHILD_OF, RELATED_TO, DUPLICATE_OF (merges) or CAUSED_BY (a problem).")
            @Nullable String kind, @Schema(example = "PRB-1001") @Nullable String target) {}

    @PostMapping("/comments")
    @Operation(summary = "Reply to the customer or add an internal note",
            description = "A PUBLIC reply from staff is sent to the customer (outbox); a customer's reply to a ticket pending on "
                    + "them puts it back in progress. Customers write PUBLIC replies only.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NewComment.class),
            examples = @ExampleObject(value = "{\"body\": \"Could you restart the laptop and try again?\", \"visibility\": \"PUBLIC\"}")))
    @ApiResponse(responseCode = "201", description = "Added; the ticket afterwards.", headers = @Header(name = "ETag"))
    @ApiResponse(responseCode = "403", description = "Customers cannot write internal notes.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "409", description = "The ticket is closed or cancelled.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<TicketResource> comment(CurrentUser user, @PathVariable String number, @Parameter(hidden = true)
            @RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch, @RequestBody NewComment body) {
        Fields f = new Fields();
        Visibility visibility = f.enumValue("visibility", body.visibility(), Visibility.class);
        f.check();
        Ticket t = desk.comment(user, TicketViews.number(number), TicketViews.optionalVersion(ifMatch),
                new TicketDesk.AddComment(body.body(), visibility == null ? Visibility.PUBLIC : visibility));
        return answer(HttpStatus.CREATED, t);
    }

    @PostMapping("/transitions")
    @Operation(summary = "Change the status",
            description = "Moves the ticket along its type's lifecycle (see GET /api/v1/ticket-types). RESOLVED needs resolutionCode "
                    + "and resolutionNotes; PENDING a pendingReason; CANCELLED and reopening (RESOLVED → IN_PROGRESS) a reason. "
                    + "A member of staff who moves a NEW ticket on becomes its owner. Customers may withdraw their new ticket, and "
                    + "confirm (CLOSED) or reopen a resolved one.")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, description = "Optional: the ETag you read.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Transition.class),
            examples = @ExampleObject(value = "{\"to\": \"RESOLVED\", \"resolutionCode\": \"FIXED\", \"resolutionNotes\": \"Reset the VPN profile.\"}")))
    @ApiResponse(responseCode = "200", description = "The ticket afterwards.", headers = @Header(name = "ETag"))
    @ApiResponse(responseCode = "403", description = "A customer asked for a move only staff make.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "409", description = "The lifecycle does not allow this move from the current status (invalid-transition).",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<TicketResource> transition(CurrentUser user, @PathVariable String number, @Parameter(hidden = true)
            @RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch, @RequestBody Transition body) {
        Fields f = new Fields();
        TicketStatus to = f.enumValue("to", body.to(), TicketStatus.class);
        if (body.to() == null || body.to().isBlank()) {
            f.require("to", null, "is required: the status to move to");
        }
        PendingReason pending = f.enumValue("pendingReason", body.pendingReason(), PendingReason.class);
        f.check();
        Ticket t = desk.changeStatus(user, TicketViews.number(number), TicketViews.optionalVersion(ifMatch),
                new TicketDesk.ChangeStatus(java.util.Objects.requireNonNull(to), pending, body.resolutionCode(),
                        body.resolutionNotes(), body.reason()));
        return answer(HttpStatus.OK, t);
    }

    @PostMapping("/handoffs")
    @Operation(summary = "Hand the work to a support group (staff)",
            description = "The group (and optionally one of its members) works on the ticket until it hands it back; the owner "
                    + "stays accountable. The customer is told the group's name and the ETA.")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, description = "Optional: the ETag you read.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Handoff.class),
            examples = @ExampleObject(value = "{\"groupId\": \"2b6f0c1e-0000-4000-8000-000000000002\", \"reason\": \"Cable fault on desk 3.14\", "
                    + "\"need\": \"ON_SITE_VISIT\", \"eta\": \"2026-11-24T14:00:00Z\"}")))
    @ApiResponse(responseCode = "200", description = "The ticket afterwards.", headers = @Header(name = "ETag"))
    @ApiResponse(responseCode = "403", description = "Only staff hand off.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "409", description = "The ticket is not open.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<TicketResource> handOff(CurrentUser user, @PathVariable String number, @Parameter(hidden = true)
            @RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch, @RequestBody Handoff body) {
        Fields f = new Fields();
        var command = new TicketDesk.HandOffTicket(f.id("groupId", body.groupId(), SupportGroupId::new),
                f.id("assigneeId", body.assigneeId(), UserId::new), body.reason(), f.enumValue("need", body.need(), HandoffNeed.class),
                f.instant("eta", body.eta()));
        f.check();
        return answer(HttpStatus.OK, desk.handOff(user, TicketViews.number(number), TicketViews.optionalVersion(ifMatch), command));
    }

    @PostMapping("/handbacks")
    @Operation(summary = "Hand the work back to the owner (staff)")
    @ApiResponse(responseCode = "200", description = "The ticket afterwards.", headers = @Header(name = "ETag"))
    @ApiResponse(responseCode = "409", description = "The ticket is not with another group.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<TicketResource> handBack(CurrentUser user, @PathVariable String number, @Parameter(hidden = true)
            @RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch, @RequestBody(required = false) @Nullable Handback body) {
        return answer(HttpStatus.OK, desk.handBack(user, TicketViews.number(number), TicketViews.optionalVersion(ifMatch),
                body == null ? null : body.note()));
    }

    @PostMapping("/handoff-acceptances")
    @Operation(summary = "Accept the current hand-off (a member of the working group)",
            description = "Says that the working group has taken the work; this meets the group's time-to-accept target (OLA). "
                    + "If no member was named, the one who accepts becomes the assignee. The owner does not change.")
    @ApiResponse(responseCode = "200", description = "The ticket afterwards.", headers = @Header(name = "ETag"))
    @ApiResponse(responseCode = "403", description = "Only members of the working group, team leads and coordinators accept.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "409", description = "The ticket is not with a support group.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<TicketResource> acceptHandOff(CurrentUser user, @PathVariable String number, @Parameter(hidden = true)
            @RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch) {
        return answer(HttpStatus.OK, desk.acceptHandOff(user, TicketViews.number(number), TicketViews.optionalVersion(ifMatch)));
    }

    @PostMapping("/ownership-transfers")
    @Operation(summary = "Assign or transfer the owner (staff)",
            description = "A new ticket is assigned: an agent may take it, team leads and coordinators assign it to anyone who "
                    + "serves its organization. Later the owner changes only by an explicit transfer with a reason, made by the "
                    + "owner, a team lead or a coordinator. The customer is told who owns the ticket.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = OwnershipTransfer.class),
            examples = @ExampleObject(value = "{\"ownerId\": \"9d0e1f2a-0000-4000-8000-000000000003\", \"reason\": \"Going on leave; Bob takes over.\"}")))
    @ApiResponse(responseCode = "200", description = "The ticket afterwards.", headers = @Header(name = "ETag"))
    @ApiResponse(responseCode = "403", description = "You may not assign or transfer this ticket.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "409", description = "The ticket is closed or cancelled.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<TicketResource> transfer(CurrentUser user, @PathVariable String number, @Parameter(hidden = true)
            @RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch, @RequestBody OwnershipTransfer body) {
        Fields f = new Fields();
        UserId owner = f.id("ownerId", body.ownerId(), UserId::new);
        f.check();
        return answer(HttpStatus.OK, desk.transferOwnership(user, TicketViews.number(number), TicketViews.optionalVersion(ifMatch),
                new TicketDesk.TransferOwnership(owner, body.reason())));
    }

    @PostMapping("/status-updates")
    @Operation(summary = "Post a status update to the customer (staff)",
            description = "States the action taken, the expected restoration (or why it is unknown) and when the next update "
                    + "comes; the ticket tracks that promise (nextUpdateDueAt) and flags it when late.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = StatusUpdate.class),
            examples = @ExampleObject(value = "{\"actionTaken\": \"Replaced the faulty switch port.\", \"expectedRestorationAt\": "
                    + "\"2026-11-23T16:00:00Z\", \"nextUpdateAt\": \"2026-11-23T15:00:00Z\"}")))
    @ApiResponse(responseCode = "200", description = "The ticket afterwards.", headers = @Header(name = "ETag"))
    @ApiResponse(responseCode = "409", description = "The ticket is not open.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<TicketResource> statusUpdate(CurrentUser user, @PathVariable String number, @Parameter(hidden = true)
            @RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch, @RequestBody StatusUpdate body) {
        Fields f = new Fields();
        var command = new TicketDesk.PostStatusUpdate(body.actionTaken(), f.instant("expectedRestorationAt", body.expectedRestorationAt()),
                body.restorationUnknownReason(), f.instant("nextUpdateAt", body.nextUpdateAt()));
        f.check();
        return answer(HttpStatus.OK, desk.postStatusUpdate(user, TicketViews.number(number), TicketViews.optionalVersion(ifMatch), command));
    }

    @PostMapping("/links")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NewLink.class),
            examples = @ExampleObject(value = "{\"kind\": \"CAUSED_BY\", \"target\": \"PRB-1001\"}")))
    @Operation(summary = "Link to another ticket (staff)",
            description = "DUPLICATE_OF merges this ticket into the target: it is resolved as a duplicate and its timeline is "
                    + "shown on the target's. CAUSED_BY points at a problem.")
    @ApiResponse(responseCode = "201", description = "Linked; the ticket afterwards.", headers = @Header(name = "ETag"))
    @ApiResponse(responseCode = "409", description = "The link exists already, or a closed ticket cannot be merged.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<TicketResource> link(CurrentUser user, @PathVariable String number, @RequestBody NewLink body) {
        Fields f = new Fields();
        LinkKind kind = f.enumValue("kind", body.kind(), LinkKind.class);
        TicketNumber target = f.ticketNumber("target", body.target());
        if (body.kind() == null || body.kind().isBlank()) {
            f.require("kind", null, "is required: CHILD_OF, RELATED_TO, DUPLICATE_OF or CAUSED_BY");
        }
        if (body.target() == null || body.target().isBlank()) {
            f.require("target", null, "is required: the other ticket's number");
        }
        f.check();
        return answer(HttpStatus.CREATED, links.link(user, TicketViews.number(number), java.util.Objects.requireNonNull(kind),
                java.util.Objects.requireNonNull(target)));
    }

    @GetMapping("/links")
    @Operation(summary = "The ticket's links, from both sides (staff)")
    List<TicketLinks.Link> links(CurrentUser user, @PathVariable String number) {
        return links.links(user, TicketViews.number(number));
    }

    private ResponseEntity<TicketResource> answer(HttpStatus status, Ticket t) {
        return ResponseEntity.status(status).eTag(String.valueOf(t.version())).body(views.resource(t));
    }
}
