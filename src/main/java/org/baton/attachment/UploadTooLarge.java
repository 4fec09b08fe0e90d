package org.baton.attachment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.baton.api.ProblemType;
import org.baton.api.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload the servlet container cut off for its size never reaches a controller (no handler is known yet), so
 * it is answered here: a 413 problem document for the API, the 413 page with the limit for a browser.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLarge {

    private final ProblemWriter problems;
    private final Attachments attachments;

    UploadTooLarge(ProblemWriter problems, Attachments attachments) {
        this.problems = problems;
        this.attachments = attachments;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String limit = Attachments.displaySize(attachments.maxSize());
        String detail = "The upload is too large: each file may be at most " + limit + ". Nothing was saved.";
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            problems.write(response, ProblemType.PAYLOAD_TOO_LARGE, detail, request.getRequestURI());
            return new ModelAndView();
        }
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", 413);
        page.addObject("heading", "Those files are too large");
        page.addObject("explanation", detail + " Go back, attach smaller files (or fewer at once) and send again.");
        return page;
    }
}
