package org.baton.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.baton.identity.CurrentUser;
import org.baton.outbox.Outbox;
import org.baton.outbox.PendingMessage;
import org.baton.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The outgoing mail that has not gone out, for administrators ({@code /admin/**} is for the ADMIN role): dead messages
 * first, then the waiting ones by next attempt, each with its attempts and last error, and "Retry now", which makes a
 * message due at once (a dead one too) for the next delivery run.
 */
@Controller
@RequestMapping("/admin/outbox")
class OutboxAdminController {

    static final int PAGE = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.ENGLISH);

    private final Outbox outbox;
    private final MailDelivery delivery;
    private final Clock clock;

    OutboxAdminController(Outbox outbox, MailDelivery delivery, Clock clock) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.clock = clock;
    }

    record OutboxRow(UUID id, String kind, String recipient, String subject, String created, int attempts, @Nullable String lastError,
            String nextAttempt, boolean due, @Nullable String deadSince) {}

    @GetMapping
    String list(CurrentUser user, Model model) {
        Instant now = clock.instant();
        ZoneId zone = user.timeZone();
        List<OutboxRow> rows = outbox.undelivered(MailTemplates.KINDS, PAGE).stream().map(m -> row(m, now, zone)).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("waiting", outbox.waiting(MailTemplates.KINDS));
        model.addAttribute("deadCount", outbox.dead(MailTemplates.KINDS));
        model.addAttribute("configured", delivery.configured());
        model.addAttribute("more", rows.size() == PAGE);
        model.addAttribute("zone", zone.getId());
        return "mail/admin/outbox";
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable String id, RedirectAttributes redirect) {
        UUID message = parse(id);
        PendingMessage found = outbox.find(message).filter(m -> MailTemplates.KINDS.contains(m.kind()))
                .orElseThrow(() -> new NotFound("outbox message", id));
        if (found.deliveredAt() != null || !outbox.retryNow(message, clock.instant())) {
            redirect.addFlashAttribute("notice", "The mail to " + found.recipient() + " was already delivered.");
        } else {
            redirect.addFlashAttribute("notice", "The mail to " + found.recipient() + " goes out with the next delivery run.");
        }
        return "redirect:/admin/outbox";
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("outbox message", id);
        }
    }

    private static OutboxRow row(PendingMessage m, Instant now, ZoneId zone) {
        return new OutboxRow(m.id(), m.kind(), m.recipient(), m.subject(), WHEN.format(m.createdAt().atZone(zone)), m.attempts(),
                m.lastError(), WHEN.format(m.nextAttemptAt().atZone(zone)), !m.nextAttemptAt().isAfter(now),
                m.deadAt() == null ? null : WHEN.format(m.deadAt().atZone(zone)));
    }
}
