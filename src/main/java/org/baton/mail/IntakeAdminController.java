package org.baton.mail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.baton.identity.CurrentUser;
import org.baton.mail.InboundMessages.State;
import org.baton.mail.InboundMessages.Stored;
import org.baton.shared.NotFound;
import org.baton.shared.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The failed-intake page for administrators ({@code /admin/mail/failed}): the messages the intake could not take in,
 * newest first, with why; each one's raw source to download, and Retry and Discard as plain form posts.
 */
@Controller
@RequestMapping("/admin/mail/failed")
class IntakeAdminController {

    private static final int PAGE = 50;

    private final FailedIntake failed;

    IntakeAdminController(FailedIntake failed) {
        this.failed = failed;
    }

    @GetMapping
    String list(CurrentUser user, @RequestParam(required = false) @Nullable String after, Model model) {
        Stored cursor = after == null ? null : failed.find(id(after)).orElse(null);
        List<Stored> rows = failed.page(user, cursor, PAGE + 1);
        boolean more = rows.size() > PAGE;
        model.addAttribute("messages", more ? rows.subList(0, PAGE) : rows);
        model.addAttribute("nextAfter", more ? rows.get(PAGE - 1).id() : null);
        model.addAttribute("total", failed.count(user));
        return "mail/failed-intake";
    }

    @GetMapping("/{id}/raw")
    ResponseEntity<byte[]> raw(CurrentUser user, @PathVariable String id) {
        UUID uuid = id(id);
        byte[] raw = failed.raw(user, uuid);
        return ResponseEntity.ok()
                .contentType(new MediaType("message", "rfc822"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("message-" + uuid + ".eml",
                        StandardCharsets.UTF_8).build().toString())
                .body(raw);
    }

    @PostMapping("/{id}/retry")
    String retry(CurrentUser user, @PathVariable String id, RedirectAttributes redirect) {
        try {
            InboundIntake.Outcome outcome = failed.retry(user, id(id));
            redirect.addFlashAttribute("notice", outcome.state() == State.FAILED
                    ? "Retried; it failed again: " + outcome.reason()
                    : "Retried: " + outcome.reason() + ".");
        } catch (Refused refused) {
            redirect.addFlashAttribute("notice", refused.getMessage());
        }
        return "redirect:/admin/mail/failed";
    }

    @PostMapping("/{id}/discard")
    String discard(CurrentUser user, @PathVariable String id, RedirectAttributes redirect) {
        try {
            failed.discard(user, id(id));
            redirect.addFlashAttribute("notice", "Discarded. The message is kept for audit but will not be taken in.");
        } catch (Refused refused) {
            redirect.addFlashAttribute("notice", refused.getMessage());
        }
        return "redirect:/admin/mail/failed";
    }

    static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFound("failed intake message", text);
        }
    }
}
