package org.baton.web;

import jakarta.servlet.http.HttpServletResponse;
import org.baton.shared.NotFound;
import org.baton.shared.Refused;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * For pages: a missing (or invisible) thing is the 404 page, a refused change the 409 page. The API
 * has its own handler, which runs first for REST controllers.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class WebExceptionHandler {

    @ExceptionHandler(NotFound.class)
    String notFound(NotFound e, HttpServletResponse response, Model model) {
        response.setStatus(404);
        model.addAttribute("status", 404);
        model.addAttribute("heading", "Not found");
        model.addAttribute("explanation", "There is no " + e.kind() + " at this address that you can see.");
        return "error";
    }

    @ExceptionHandler(Refused.class)
    String refused(Refused e, HttpServletResponse response, Model model) {
        response.setStatus(409);
        model.addAttribute("status", 409);
        model.addAttribute("heading", "That change is not possible now");
        model.addAttribute("explanation", e.getMessage());
        return "error";
    }
}
