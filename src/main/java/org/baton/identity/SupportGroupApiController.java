package org.baton.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.baton.api.CursorPage;
import org.baton.api.PageQuery;
import org.baton.api.ProblemDocument;
import org.baton.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Support groups over the API, for staff only: customers do not see how the desk is organised. */
@RestController
@RequestMapping("/api/v1/support-groups")
@Tag(name = "Support groups", description = "The teams that work tickets (staff only).")
class SupportGroupApiController {

    private static final String PROBLEM = "application/problem+json";

    private final SupportGroups groups;

    SupportGroupApiController(SupportGroups groups) {
        this.groups = groups;
    }

    @GetMapping
    @Operation(summary = "List support groups (staff)", description = "Every support group, ordered by name, with members and served organizations.")
    @ApiResponse(responseCode = "200", description = "One page of support groups; follow nextCursor or the Link header for more.")
    @ApiResponse(responseCode = "400", description = "A bad limit, cursor or filter value.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "403", description = "Customers may not list support groups.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<CursorPage<SupportGroupResource>> list(CurrentUser user,
            @Parameter(description = "Only active (true) or inactive (false) groups.")
                    @RequestParam(required = false) @Nullable Boolean active,
            @Parameter(description = "Items per page, 1 to 200.", example = "50") @RequestParam(required = false) @Nullable Integer limit,
            @Parameter(description = "The nextCursor of the previous page.") @RequestParam(required = false) @Nullable String cursor) {
        ApiAccess.requireStaff(user);
        PageQuery page = PageQuery.of(limit, cursor);
        return CursorPage.fromLookahead(groups.page(active, page.after(), page.fetchSize()), page, SupportGroup::name,
                        SupportGroupResource::of)
                .toResponse();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one support group (staff)")
    @ApiResponse(responseCode = "200", description = "The support group.", headers = @Header(name = "ETag", description = "The version."))
    @ApiResponse(responseCode = "403", description = "Customers may not read support groups.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "No such support group.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<SupportGroupResource> get(CurrentUser user, @PathVariable String id) {
        ApiAccess.requireStaff(user);
        SupportGroup group = groups.byId(PathIds.supportGroup(id)).orElseThrow(() -> new NotFound("support group", id));
        return ResponseEntity.ok().eTag(String.valueOf(group.version())).body(SupportGroupResource.of(group));
    }
}
