package org.baton.attachment;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.baton.api.ProblemType;
import org.baton.api.ProblemWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a multipart request whose declared length is over the limit with 413 before anything reads it: a problem
 * document for the API, the 413 page for a browser (through the container's error page). Without this, the first
 * reader of the body's parameters (the CSRF check) would fail on it and the person would see "not allowed".
 */
final class UploadSizeFilter extends OncePerRequestFilter {

    private final long maxRequestSize;
    private final long maxFileSize;
    private final ProblemWriter problems;

    UploadSizeFilter(long maxRequestSize, long maxFileSize, ProblemWriter problems) {
        this.maxRequestSize = maxRequestSize;
        this.maxFileSize = maxFileSize;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() <= maxRequestSize) {
            chain.doFilter(request, response);
            return;
        }
        String detail = "The upload is too large: each file may be at most " + Attachments.displaySize(maxFileSize)
                + ", and one request at most " + Attachments.displaySize(maxRequestSize) + ". Nothing was saved.";
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            problems.write(response, ProblemType.PAYLOAD_TOO_LARGE, detail, request.getRequestURI());
        } else {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, detail);
        }
    }
}
