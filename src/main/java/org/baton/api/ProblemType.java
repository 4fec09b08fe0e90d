package org.baton.api;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * Every kind of problem the API answers with. The {@code type} URI of a problem document is
 * {@code /problems/{slug}}, and Baton serves a page there that explains it.
 */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "Malformed request",
            "The request could not be read: the JSON is not well-formed, a parameter has the wrong type, or a required header is missing. Fix the request; retrying it unchanged will fail again."),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Authentication required",
            "No valid credentials came with the request. Send a personal API token as 'Authorization: Bearer <token>'. A token that was revoked or has expired is refused the same way."),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Not allowed",
            "You are signed in, but your role does not allow this action."),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found",
            "Nothing exists at this address that you may see. Baton answers the same way for things that do not exist and for things that belong to someone whose data you may not see."),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
            "This resource does not support the HTTP method used. The Allow header lists the ones it supports."),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
            "The API answers in application/json (and problems in application/problem+json)."),
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict with the current state",
            "The change is not allowed in the current state of the resource, for example a transition the workflow does not permit or a name that is already taken. Nothing was changed."),
    INVALID_TRANSITION("invalid-transition", HttpStatus.CONFLICT, "Transition not allowed",
            "The ticket's lifecycle does not allow this status change from its current status (for example, a closed ticket cannot become pending). The detail names the statuses it can move to. Nothing was changed."),
    STALE_VERSION("stale-version", HttpStatus.PRECONDITION_FAILED, "Changed by someone else",
            "The resource changed after you read it (its ETag no longer matches If-Match). Nothing was changed. Read it again, re-apply your change and retry."),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request too large",
            "The request body is larger than Baton accepts."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
            "Send the request body as application/json (JSON Merge Patch bodies as application/merge-patch+json)."),
    INVALID_INPUT("invalid-input", HttpStatus.UNPROCESSABLE_CONTENT, "Invalid input",
            "The request was well-formed but some values break a rule. The errors array names each field and what is wrong with it. Nothing was saved."),
    TOO_MANY_REQUESTS("too-many-requests", HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
            "Slow down: wait for the number of seconds in the Retry-After header, then retry."),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
            "Baton failed to handle a valid request. This is a defect in Baton, not in your request. The request id in the problem and the X-Request-Id header lets an administrator find it in the log.");

    private final String slug;
    private final HttpStatus status;
    private final String title;
    private final String explanation;

    ProblemType(String slug, HttpStatus status, String title, String explanation) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.explanation = explanation;
    }

    public String slug() {
        return slug;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String explanation() {
        return explanation;
    }

    public URI uri() {
        return URI.create("/problems/" + slug);
    }

    public static Optional<ProblemType> bySlug(String slug) {
        return Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst();
    }

    /** The type that fits a status when no more specific one is known. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412 -> STALE_VERSION;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> INVALID_INPUT;
            case 429 -> TOO_MANY_REQUESTS;
            default -> status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
        };
    }
}
