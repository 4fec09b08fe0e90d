package org.baton.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.baton.api.CursorPage;
import org.baton.api.PageQuery;
import org.baton.api.ProblemDocument;
import org.baton.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * User accounts over the API. Who may see whom is decided in the query ({@link Users#page} and
 * {@link Users#visibleTo}); only administrators create accounts.
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Customers and staff.")
class UserApiController {

    private static final String PROBLEM = "application/problem+json";

    private final Users users;
    private final DirectoryAdministration administration;

    UserApiController(Users users, DirectoryAdministration administration) {
        this.users = users;
        this.administration = administration;
    }

    @GetMapping
    @Operation(summary = "List the users you may see",
            description = "A customer sees themselves, and their colleagues when their organization shares ticket visibility; "
                    + "staff see all staff and the customers of the organizations they serve. Ordered by username.")
    @ApiResponse(responseCode = "200", description = "One page of users; follow nextCursor or the Link header for more.")
    @ApiResponse(responseCode = "400", description = "A bad limit, cursor or filter value (such as an unknown role).",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<CursorPage<UserResource>> list(CurrentUser user,
            @Parameter(description = "Only users with this role.") @RequestParam(required = false) @Nullable Role role,
            @Parameter(description = "Only customers of this organization.") @RequestParam(required = false) @Nullable UUID organizationId,
            @Parameter(description = "Only members of this support group.") @RequestParam(required = false) @Nullable UUID supportGroupId,
            @Parameter(description = "Only active (true) or deactivated (false) accounts.")
                    @RequestParam(required = false) @Nullable Boolean active,
            @Parameter(description = "Part of the username, email address or name, ignoring case.")
                    @RequestParam(required = false) @Nullable String q,
            @Parameter(description = "Items per page, 1 to 200.", example = "50") @RequestParam(required = false) @Nullable Integer limit,
            @Parameter(description = "The nextCursor of the previous page.") @RequestParam(required = false) @Nullable String cursor) {
        PageQuery page = PageQuery.of(limit, cursor);
        UserFilter filter = new UserFilter(role, organizationId == null ? null : new OrganizationId(organizationId),
                supportGroupId == null ? null : new SupportGroupId(supportGroupId), active, q);
        return CursorPage.fromLookahead(users.page(user, filter, page.after(), page.fetchSize()), page, User::username,
                        UserResource::of)
                .toResponse();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one user")
    @ApiResponse(responseCode = "200", description = "The user.", headers = @Header(name = "ETag", description = "The version."))
    @ApiResponse(responseCode = "404", description = "No such user, or one you may not see.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<UserResource> get(CurrentUser user, @PathVariable String id) {
        User found = users.visibleTo(user, PathIds.user(id)).orElseThrow(() -> new NotFound("user", id));
        return ResponseEntity.ok().eTag(String.valueOf(found.version())).body(UserResource.of(found));
    }

    @PostMapping
    @Operation(summary = "Create a user account (administrators)",
            description = "The password is optional and never shown again; without one the account cannot sign in with a password yet.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NewUser.class),
            examples = @ExampleObject(value = "{\"username\": \"jdoe\", \"email\": \"jane.doe@acme.example\", \"displayName\": \"Jane Doe\", "
                    + "\"role\": \"CUSTOMER\", \"organizationId\": \"6f1c2d3e-0000-4000-8000-000000000001\", "
                    + "\"timeZone\": \"Europe/Berlin\", \"password\": \"a-long-passphrase\"}")))
    @ApiResponse(responseCode = "201", description = "Created; Location names the new user.",
            headers = {@Header(name = "Location", description = "The new user's address."), @Header(name = "ETag")})
    @ApiResponse(responseCode = "400", description = "The body is not valid JSON.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "403", description = "Only administrators create accounts.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "415", description = "The body is not application/json.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "422", description = "Invalid fields (unknown role, taken username, short password); errors names each.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<UserResource> create(CurrentUser user, @RequestBody NewUser body) {
        ApiAccess.requireAdmin(user);
        User created = administration.createUser(body.details(), body.password());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(created.id().value()).toUri();
        return ResponseEntity.created(location).eTag(String.valueOf(created.version())).body(UserResource.of(created));
    }
}
