package org.baton.sla;

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
import java.util.Locale;
import java.util.UUID;
import org.baton.api.BadParameter;
import org.baton.api.CursorPage;
import org.baton.api.IfMatch;
import org.baton.api.PageQuery;
import org.baton.api.ProblemDocument;
import org.baton.identity.CurrentUser;
import org.baton.shared.NotFound;
import org.baton.shared.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * SLA and OLA policies over the API. Staff read them; administrators create, replace (PUT with If-Match: a
 * policy and its targets are one document) and delete them. Clocks already running keep the target they started
 * with; a change applies to clocks that start afterwards.
 */
@RestController
@RequestMapping("/api/v1/service-level-policies")
@Tag(name = "Service-level policies", description = "SLA policies (per organization, or the default) and OLA policies (per support group).")
@ApiResponse(responseCode = "403", description = "Customers may not see policies; only administrators change them.",
        content = @Content(mediaType = PolicyApiController.PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
class PolicyApiController {

    static final String PROBLEM = "application/problem+json";
    private static final String EXAMPLE = """
            {"kind": "SLA", "name": "Northwind contract", "organizationId": "5d7e1c2a-0000-4000-8000-000000000001",
             "calendarId": "00000000-0000-0000-0000-000000000247", "warningPercents": [75, 90], "pauseOn": ["CUSTOMER"],
             "targets": [{"ticketType": "INCIDENT", "priority": "P1", "target": "FIRST_RESPONSE", "duration": "PT15M"},
                         {"ticketType": "INCIDENT", "priority": "P1", "target": "NEXT_UPDATE", "duration": "PT30M"},
                         {"ticketType": "INCIDENT", "priority": "P1", "target": "RESOLUTION", "duration": "PT4H"}]}""";

    private final ServiceLevelPolicies policies;
    private final PolicyAdministration administration;

    PolicyApiController(ServiceLevelPolicies policies, PolicyAdministration administration) {
        this.policies = policies;
        this.administration = administration;
    }

    @GetMapping
    @Operation(summary = "List the policies (staff)", description = "Ordered by name; filter with kind=SLA or kind=OLA.")
    @ApiResponse(responseCode = "200", description = "One page; follow nextCursor or the Link header for more.")
    @ApiResponse(responseCode = "400", description = "A bad kind, limit or cursor.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<CursorPage<PolicyResource>> list(CurrentUser user,
            @Parameter(description = "SLA or OLA.") @RequestParam(required = false) @Nullable String kind,
            @Parameter(description = "Items per page, 1 to 200.") @RequestParam(required = false) @Nullable Integer limit,
            @Parameter(description = "The nextCursor of the previous page.") @RequestParam(required = false) @Nullable String cursor) {
        requireStaff(user);
        PolicyKind k = null;
        if (kind != null) {
            try {
                k = PolicyKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadParameter("kind", "must be SLA or OLA");
            }
        }
        PageQuery page = PageQuery.of(limit, cursor);
        return CursorPage.fromLookahead(policies.page(k, page.after(), page.fetchSize()), page, ServiceLevelPolicy::name,
                PolicyResource::of).toResponse();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one policy (staff)", description = "The ETag header carries the version, for If-Match on PUT and DELETE.")
    @ApiResponse(responseCode = "200", description = "The policy.", headers = @Header(name = "ETag"))
    @ApiResponse(responseCode = "404", description = "No such policy.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<PolicyResource> get(CurrentUser user, @PathVariable String id) {
        requireStaff(user);
        ServiceLevelPolicy policy = policies.byId(id(id)).orElseThrow(() -> new NotFound("service-level policy", id));
        return ResponseEntity.ok().eTag(String.valueOf(policy.version())).body(PolicyResource.of(policy));
    }

    @PostMapping
    @Operation(summary = "Create a policy (administrators)",
            description = "An SLA names an organization, or is the default (isDefault: true) for organizations without one; an OLA "
                    + "names a support group. Each target is business time (ISO-8601, more than zero) on the policy's calendar "
                    + "or its own. SLA targets are per ticket type and priority (FIRST_RESPONSE, NEXT_UPDATE, RESOLUTION); OLA "
                    + "targets per priority (ACCEPT, COMPLETE).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = PolicyAdministration.PolicyInput.class), examples = @ExampleObject(value = EXAMPLE)))
    @ApiResponse(responseCode = "201", description = "Created; Location names it.", headers = {@Header(name = "Location"), @Header(name = "ETag")})
    @ApiResponse(responseCode = "422", description = "Invalid fields, each named in errors (e.g. targets[0].duration); nothing was saved.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<PolicyResource> create(CurrentUser user, @RequestBody PolicyAdministration.PolicyInput body) {
        requireAdmin(user);
        ServiceLevelPolicy policy = administration.create(body);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(policy.id()).toUri();
        return ResponseEntity.created(location).eTag(String.valueOf(policy.version())).body(PolicyResource.of(policy));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a policy (administrators)", description = "The whole policy with its targets. If-Match must carry the ETag you read.")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, required = true, description = "The ETag you read, e.g. \"3\".")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = PolicyAdministration.PolicyInput.class), examples = @ExampleObject(value = EXAMPLE)))
    @ApiResponse(responseCode = "200", description = "The policy afterwards.", headers = @Header(name = "ETag"))
    @ApiResponse(responseCode = "404", description = "No such policy.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "412", description = "Changed by someone else since you read it; nothing was changed.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "422", description = "Invalid fields, each named in errors; nothing was saved.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<PolicyResource> replace(CurrentUser user, @PathVariable String id,
            @Parameter(hidden = true) @RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch,
            @RequestBody PolicyAdministration.PolicyInput body) {
        requireAdmin(user);
        UUID policyId = id(id);
        ServiceLevelPolicy current = policies.byId(policyId).orElseThrow(() -> new NotFound("service-level policy", id));
        Long expected = IfMatch.version(ifMatch);
        ServiceLevelPolicy policy = administration.replace(policyId, expected == null ? current.version() : expected, body);
        return ResponseEntity.ok().eTag(String.valueOf(policy.version())).body(PolicyResource.of(policy));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a policy (administrators)",
            description = "Running clocks keep their targets; tickets opened afterwards fall back to the default policy (or none).")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, required = true, description = "The ETag you read.")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @ApiResponse(responseCode = "404", description = "No such policy.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "412", description = "Changed by someone else since you read it; nothing was deleted.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<Void> delete(CurrentUser user, @PathVariable String id,
            @Parameter(hidden = true) @RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch) {
        requireAdmin(user);
        UUID policyId = id(id);
        ServiceLevelPolicy current = policies.byId(policyId).orElseThrow(() -> new NotFound("service-level policy", id));
        Long expected = IfMatch.version(ifMatch);
        if (expected != null && expected != current.version()) {
            throw new StaleVersion("service-level policy", current.version());
        }
        administration.delete(policyId, current.version());
        return ResponseEntity.noContent().build();
    }

    private static UUID id(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new NotFound("service-level policy", raw);
        }
    }

    private static void requireStaff(CurrentUser user) {
        if (!user.isStaff()) {
            throw new AccessDeniedException("only staff see service-level policies");
        }
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.isAdmin()) {
            throw new AccessDeniedException("only administrators change service-level policies");
        }
    }
}
