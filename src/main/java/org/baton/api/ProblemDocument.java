package org.baton.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.baton.shared.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * The shape of every error response (RFC 9457), for the OpenAPI description only; responses are
 * built by {@link Problems}.
 */
@Schema(name = "Problem", description = "An RFC 9457 problem document, sent as application/problem+json.")
public record ProblemDocument(
        @Schema(example = "/problems/invalid-input", description = "Names the kind of problem; Baton serves a page explaining it.")
                String type,
        @Schema(example = "Invalid input") String title,
        @Schema(example = "422") int status,
        @Schema(example = "name: must not be blank") @Nullable String detail,
        @Schema(example = "/api/v1/organizations") @Nullable String instance,
        @Schema(description = "Quote it to an administrator; it finds the request in the log.") @Nullable String requestId,
        @Schema(description = "For invalid input: one entry per field and what is wrong with it.") @Nullable List<FieldProblem> errors,
        @Schema(description = "For 412: the version that is current now.", example = "4") @Nullable Long currentVersion) {}
