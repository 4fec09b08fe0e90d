package org.baton.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import org.baton.api.CursorPage;
import org.baton.api.ProblemDocument;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The caller's own personal API tokens. Nobody, administrators included, sees or revokes another
 * user's tokens here: another user's token id is answered as unknown (404).
 */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "Tokens", description = "Your personal API tokens.")
class TokenApiController {

    private static final String PROBLEM = "application/problem+json";

    private final ApiTokens tokens;
    private final Clock clock;

    TokenApiController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "List your API tokens",
            description = "Newest first, revoked and expired ones included; never the secrets. A person has few tokens, so this "
                    + "list is always one page (no nextCursor).")
    @ApiResponse(responseCode = "200", description = "Your tokens.")
    ResponseEntity<CursorPage<TokenResource>> list(CurrentUser user) {
        Instant now = clock.instant();
        return new CursorPage<>(tokens.of(user.id()).stream().map(t -> TokenResource.of(t, now)).toList(), null).toResponse();
    }

    @PostMapping
    @Operation(summary = "Create an API token", description = "The answer carries the secret in token; it is shown only this once.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NewToken.class),
            examples = @ExampleObject(value = "{\"name\": \"backup script\", \"expiresAt\": \"2027-01-31T00:00:00Z\"}")))
    @ApiResponse(responseCode = "201", description = "Created, with the secret.")
    @ApiResponse(responseCode = "400", description = "The body is not valid JSON (or expiresAt is not an RFC 3339 instant).",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "415", description = "The body is not application/json.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "422", description = "A blank or too long name, or an expiry in the past.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<IssuedToken> create(CurrentUser user, @RequestBody NewToken body) {
        ApiTokens.Issued issued = tokens.issue(user.id(), body.name() == null ? "" : body.name(), body.expiresAt());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(issued.token().id()).toUri();
        return ResponseEntity.created(location).body(IssuedToken.of(issued, clock.instant()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke one of your API tokens", description = "It stops working at once. Revoking it again changes nothing.")
    @ApiResponse(responseCode = "204", description = "Revoked.")
    @ApiResponse(responseCode = "404", description = "You have no token with this id.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<Void> revoke(CurrentUser user, @PathVariable String id) {
        tokens.revoke(user.id(), PathIds.uuid("API token", id));
        return ResponseEntity.noContent().build();
    }
}
