package org.baton.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.baton.shared.InvalidInput;
import org.baton.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Each user's own personal API tokens: create (the secret is shown once), list, revoke. */
@Controller
@RequestMapping("/account/tokens")
class TokenPageController {

    private final ApiTokens tokens;
    private final Clock clock;

    TokenPageController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping
    String list(CurrentUser me, Model model) {
        return page(me, model, "", "90");
    }

    @PostMapping
    String create(CurrentUser me, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "90") String expiresInDays,
            Model model, HttpServletResponse response) {
        Instant expiresAt;
        try {
            int days = Integer.parseInt(expiresInDays);
            expiresAt = days <= 0 ? null : clock.instant().plus(Duration.ofDays(days));
        } catch (NumberFormatException e) {
            expiresAt = null;
        }
        try {
            ApiTokens.Issued issued = tokens.issue(me.id(), name, expiresAt);
            model.addAttribute("issued", issued);
            response.setHeader("Cache-Control", "no-store");
            return page(me, model, "", "90");
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", FormErrors.of(invalid));
            return page(me, model, name, expiresInDays);
        }
    }

    @PostMapping("/{id}/revoke")
    String revoke(CurrentUser me, @PathVariable String id, RedirectAttributes redirect) {
        UUID tokenId;
        try {
            tokenId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("API token", id);
        }
        ApiToken revoked = tokens.revoke(me.id(), tokenId);
        redirect.addFlashAttribute("notice", "Token " + revoked.name() + " revoked; it no longer works.");
        return "redirect:/account/tokens";
    }

    private String page(CurrentUser me, Model model, String name, String expiresInDays) {
        model.addAttribute("tokens", tokens.of(me.id()));
        model.addAttribute("now", clock.instant());
        model.addAttribute("name", name);
        model.addAttribute("expiresInDays", expiresInDays);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "identity/tokens";
    }
}
