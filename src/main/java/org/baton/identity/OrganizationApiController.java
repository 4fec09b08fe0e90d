package org.baton.identity;

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
import org.baton.api.CursorPage;
import org.baton.api.IfMatch;
import org.baton.api.PageQuery;
import org.baton.api.ProblemDocument;
import org.baton.shared.NotFound;
import org.baton.shared.StaleVersion;
import org.jspecify.annotations.Nullable;
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

/**
 * Organizations over the API. Staff see the organizations in their scope, a customer only their own;
 * only administrators create or change them. The request bodies are read without a {@code consumes}
 * condition so that a wrong content type is answered by the API's problem handler (415).
 */
@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "Organizations", description = "The client companies the desk serves.")
class OrganizationApiController {

    private static final String PROBLEM = "application/problem+json";

    private final Organizations organizations;
    private final DirectoryAdministration administration;

    OrganizationApiController(Organizations organizations, DirectoryAdministration administration) {
        this.organizations = organizations;
        this.administration = administration;
    }

    @GetMapping
    @Operation(summary = "List the organizations you may see",
            description = "Staff see the organizations their support groups serve (administrators and coordinators all); "
                    + "a customer sees only their own. Ordered by name.")
    @ApiResponse(responseCode = "200", description = "One page of organizations; follow nextCursor or the Link header for more.")
    @ApiResponse(responseCode = "400", description = "A bad limit, cursor or filter value.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<CursorPage<OrganizationResource>> list(CurrentUser user,
            @Parameter(description = "Part of the name or code, ignoring case.") @RequestParam(required = false) @Nullable String q,
            @Parameter(description = "Only active (true) or inactive (false) organizations.")
                    @RequestParam(required = false) @Nullable Boolean active,
            @Parameter(description = "Items per page, 1 to 200.", example = "50") @RequestParam(required = false) @Nullable Integer limit,
            @Parameter(description = "The nextCursor of the previous page.") @RequestParam(required = false) @Nullable String cursor) {
        PageQuery page = PageQuery.of(limit, cursor);
        return CursorPage.fromLookahead(organizations.page(user.scope(), q, active, page.after(), page.fetchSize()), page,
                        Organization::name, OrganizationResource::of)
                .toResponse();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one organization", description = "The ETag header carries the version, for If-Match on PATCH.")
    @ApiResponse(responseCode = "200", description = "The organization.", headers = @Header(name = "ETag", description = "The version, e.g. \"3\"."))
    @ApiResponse(responseCode = "404", description = "No such organization, or one you may not see.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<OrganizationResource> get(CurrentUser user, @PathVariable String id) {
        Organization org = visible(user, id);
        return ResponseEntity.ok().eTag(String.valueOf(org.version())).body(OrganizationResource.of(org));
    }

    @PostMapping
    @Operation(summary = "Create an organization (administrators)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NewOrganization.class),
            examples = @ExampleObject(value = "{\"name\": \"Acme Corporation\", \"code\": \"ACME\", \"mailDomains\": [\"acme.example\"], "
                    + "\"sharedTicketVisibility\": false}")))
    @ApiResponse(responseCode = "201", description = "Created; Location names the new organization.",
            headers = {@Header(name = "Location", description = "The new organization's address."), @Header(name = "ETag")})
    @ApiResponse(responseCode = "400", description = "The body is not valid JSON.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "403", description = "Only administrators create organizations.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "415", description = "The body is not application/json.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "422", description = "Invalid fields (blank name, a code or mail domain already taken); errors names each.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<OrganizationResource> create(CurrentUser user, @RequestBody NewOrganization body) {
        ApiAccess.requireAdmin(user);
        Organization org = administration.createOrganization(body.details());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(org.id().value()).toUri();
        return ResponseEntity.created(location).eTag(String.valueOf(org.version())).body(OrganizationResource.of(org));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change an organization (administrators)",
            description = "A JSON Merge Patch (RFC 7396), sent as application/merge-patch+json or application/json: the members "
                    + "present replace those fields. If-Match must carry the ETag you read; if the organization changed since, "
                    + "the answer is 412 with the current version and nothing is changed.")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, required = true, description = "The ETag you read, e.g. \"3\".")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
        @Content(mediaType = "application/merge-patch+json", schema = @Schema(implementation = NewOrganization.class),
                examples = @ExampleObject(value = "{\"active\": false}")),
        @Content(mediaType = "application/json", schema = @Schema(implementation = NewOrganization.class))
    })
    @ApiResponse(responseCode = "200", description = "The changed organization.", headers = @Header(name = "ETag"))
    @ApiResponse(responseCode = "400", description = "The body is not valid JSON, or If-Match is missing or not an ETag.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "403", description = "Only administrators change organizations.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "No such organization, or one you may not see.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "412", description = "Changed by someone else since you read it; currentVersion and ETag name the version now.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "415", description = "The body is neither application/merge-patch+json nor application/json.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "422", description = "Invalid fields; errors names each.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<OrganizationResource> patch(CurrentUser user, @PathVariable String id,
            @Parameter(hidden = true) @RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch,
            @RequestBody JsonNode patch) {
        Organization current = visible(user, id);
        ApiAccess.requireAdmin(user);
        Long expected = IfMatch.version(ifMatch);
        long version = expected == null ? current.version() : expected;
        if (version != current.version()) {
            throw new StaleVersion("organization", current.version());
        }
        Organization changed = administration.updateOrganization(current.id(), version, OrganizationPatch.apply(patch, current));
        return ResponseEntity.ok().eTag(String.valueOf(changed.version())).body(OrganizationResource.of(changed));
    }

    private Organization visible(CurrentUser user, String id) {
        OrganizationId organization = PathIds.organization(id);
        return organizations.visible(organization, user.scope()).orElseThrow(() -> new NotFound("organization", id));
    }
}
