package org.baton.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.baton.api.ProblemType;
import org.baton.api.ProblemWriter;
import org.baton.api.Problems;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Where the servlet container sends errors that no controller handled (an unknown address, a
 * failure before MVC). API clients get a problem document; people get a page in the layout, never a
 * stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

    private final ProblemWriter problems;

    ErrorPages(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        ProblemType type = ProblemType.forStatus(status);
        String accept = String.valueOf(request.getHeader("Accept"));
        if (uri.startsWith(request.getContextPath() + "/api/") || accept.contains("application/json") || accept.contains("problem+json")) {
            var problem = Problems.of(type, null, uri);
            problem.setStatus(status);
            problems.write(response, problem);
            return null;
        }
        response.setStatus(status);
        HttpStatus known = HttpStatus.resolve(status);
        model.addAttribute("status", status);
        model.addAttribute("requestId", request.getAttribute(RequestIdFilter.HEADER));
        model.addAttribute("heading", switch (status) {
            case 404 -> "Page not found";
            case 403 -> "Not allowed";
            case 400 -> "That request could not be read";
            case 413 -> "Those files are too large";
            default -> known != null && known.is4xxClientError() ? known.getReasonPhrase() : "Something went wrong";
        });
        model.addAttribute("explanation", switch (status) {
            case 404 -> "There is nothing at this address that you can see. Check the link, or go back to the start page.";
            case 403 -> "Your role does not give you access to this page. Ask an administrator if you think it should.";
            case 413 -> "Nothing was saved. Go back and attach smaller files, or fewer at once; the form says how large each may be.";
            default -> status >= 500
                    ? "Baton could not finish this request. Nothing you typed is lost if you go back and try again; if it keeps happening, give an administrator the request id below."
                    : type.explanation();
        });
        return "error";
    }
}
