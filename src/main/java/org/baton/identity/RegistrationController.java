package org.baton.identity;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Self-registration in the portal: the form (name, email, password), the same "check your inbox" answer for every
 * address that may register, and the page behind the mailed link, which asks to confirm with a button (a mail
 * scanner that opens links does not use the link up) and then sends the person to sign in.
 */
@Controller
class RegistrationController {

    private final SelfRegistration registration;

    RegistrationController(SelfRegistration registration) {
        this.registration = registration;
    }

    @GetMapping("/portal/register")
    String form(Model model) {
        model.addAttribute("name", "");
        model.addAttribute("email", "");
        model.addAttribute("errors", Map.of());
        return "identity/register";
    }

    @PostMapping("/portal/register")
    String register(@RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String email,
            @RequestParam(required = false) @Nullable String password, Model model, HttpServletResponse response) {
        try {
            registration.register(name, email, password);
            return "redirect:/portal/register/sent";
        } catch (InvalidInput invalid) {
            response.setStatus(422);
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldProblem p : invalid.problems()) {
                String label = switch (p.field()) {
                    case "name" -> "Your name ";
                    case "email" -> "This address ";
                    case "password" -> "The password ";
                    default -> "";
                };
                errors.merge(p.field(), label + p.message() + ".", (a, b) -> a + " " + b);
            }
            model.addAttribute("name", name == null ? "" : name);
            model.addAttribute("email", email == null ? "" : email);
            model.addAttribute("errors", errors);
            return "identity/register";
        }
    }

    @GetMapping("/portal/register/sent")
    String sent() {
        return "identity/registered";
    }

    @GetMapping("/portal/verify")
    String confirmPage(@RequestParam(required = false) @Nullable String token, Model model, HttpServletResponse response) {
        SelfRegistration.Verification state = registration.check(token);
        return page(state, token, model, response);
    }

    @PostMapping("/portal/verify")
    String confirm(@RequestParam(required = false) @Nullable String token, @Nullable HttpSession session, Model model,
            HttpServletResponse response) {
        SelfRegistration.Verified verified = registration.verify(token);
        if (verified.outcome() == SelfRegistration.Verification.CONFIRMED) {
            if (session != null && verified.username() != null) {
                session.setAttribute(SecurityConfiguration.LAST_USERNAME, verified.username());
            }
            return "redirect:/sign-in?verified";
        }
        return page(verified.outcome(), null, model, response);
    }

    private static String page(SelfRegistration.Verification state, @Nullable String token, Model model, HttpServletResponse response) {
        model.addAttribute("state", state.name());
        model.addAttribute("token", state == SelfRegistration.Verification.CONFIRMED ? token : null);
        switch (state) {
            case EXPIRED, USED -> response.setStatus(410);
            case UNKNOWN -> response.setStatus(404);
            default -> { }
        }
        return "identity/verify";
    }
}
