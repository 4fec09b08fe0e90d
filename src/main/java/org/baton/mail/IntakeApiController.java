package org.baton.mail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.baton.api.CursorPage;
import org.baton.api.PageQuery;
import org.baton.identity.CurrentUser;
import org.baton.mail.InboundMessages.Stored;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The failed-intake list under the API, for administrators: list, one message, its raw source, retry and discard. */
@RestController
@RequestMapping("/api/v1/mail/failed-intake")
@Tag(name = "Mail intake", description = "Inbound mail the desk could not take in (administrators only)")
class IntakeApiController {

    /** A failed (or discarded) inbound message. */
    record FailedMessageResource(UUID id, String mailbox, @Nullable String from, @Nullable String subject, @Nullable String messageId,
            int sizeBytes, String state, @Nullable String error, int attempts, Instant receivedAt) {

        static FailedMessageResource of(Stored s) {
            return new FailedMessageResource(s.id(), s.mailbox(), s.fromAddress(), s.subject(), s.messageId(), s.size(), s.state().name(),
                    s.outcome(), s.attempts(), s.receivedAt());
        }
    }

    /** What a retry did: the state the message is in now, the ticket it went to, and why. */
    record RetryResource(UUID id, String state, @Nullable String ticket, @Nullable String outcome) {}

    private final FailedIntake failed;

    IntakeApiController(FailedIntake failed) {
        this.failed = failed;
    }

    @GetMapping
    @Operation(summary = "List the failed inbound messages, newest first")
    ResponseEntity<CursorPage<FailedMessageResource>> list(CurrentUser user, @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        PageQuery page = PageQuery.of(limit, cursor);
        Stored after = page.after() == null ? null : failed.find(IntakeAdminController.id(page.after())).orElse(null);
        return CursorPage.fromLookahead(failed.page(user, after, page.fetchSize()), page, s -> s.id().toString(),
                FailedMessageResource::of).toResponse();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One failed inbound message")
    FailedMessageResource one(CurrentUser user, @PathVariable String id) {
        return FailedMessageResource.of(failed.message(user, IntakeAdminController.id(id)));
    }

    @GetMapping(value = "/{id}/raw", produces = "message/rfc822")
    @Operation(summary = "The raw source of a failed inbound message, as received")
    ResponseEntity<byte[]> raw(CurrentUser user, @PathVariable String id) {
        return ResponseEntity.ok().contentType(new MediaType("message", "rfc822")).body(failed.raw(user, IntakeAdminController.id(id)));
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Process the message again from its stored raw source")
    RetryResource retry(CurrentUser user, @PathVariable String id) {
        UUID uuid = IntakeAdminController.id(id);
        InboundIntake.Outcome outcome = failed.retry(user, uuid);
        return new RetryResource(uuid, outcome.state().name(), outcome.ticket(), outcome.reason());
    }

    @PostMapping("/{id}/discard")
    @Operation(summary = "Discard the message: it stays stored for audit and is never taken in")
    ResponseEntity<Void> discard(CurrentUser user, @PathVariable String id) {
        failed.discard(user, IntakeAdminController.id(id));
        return ResponseEntity.noContent().build();
    }
}
