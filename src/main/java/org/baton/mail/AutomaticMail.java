package org.baton.mail;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Tells mail written by a machine from mail written by a person (RFC 3834 and what real mailers do), so that Baton never
 * answers it and two automatic systems cannot keep each other busy.
 */
final class AutomaticMail {

    /** What kind of automatic mail it is, and what that means for intake. */
    enum Kind {
        /** An out-of-office or vacation answer: threads onto a ticket as an internal entry, never opens one. */
        AUTO_REPLY,
        /** A delivery status notification (bounce): threads onto a ticket as an internal entry, never opens one. */
        BOUNCE,
        /** Mail a system generated (monitoring, a list): opens a ticket, but the sender is never answered. */
        GENERATED,
        /** Mail from Baton's own address came back: a loop; ignored. */
        OWN_ADDRESS
    }

    record Verdict(Kind kind, String reason) {}

    private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster", "mail-daemon", "mailerdaemon");

    private AutomaticMail() {}

    static Optional<Verdict> of(InboundMail mail, Set<String> ownAddresses) {
        InboundMail.Headers h = mail.headers();
        String from = mail.fromAddress() == null ? "" : mail.fromAddress().toLowerCase(Locale.ROOT);
        if (!from.isEmpty() && ownAddresses.contains(from)) {
            return verdict(Kind.OWN_ADDRESS, "from Baton's own address " + from + " (a mail loop)");
        }
        String local = from.contains("@") ? from.substring(0, from.indexOf('@')) : from;
        if (DAEMONS.contains(local)) {
            return verdict(Kind.BOUNCE, "from " + local + " (a bounce)");
        }
        if (isType(h.contentType(), "multipart/report")) {
            return verdict(Kind.BOUNCE, "a delivery status report (multipart/report" + (h.reportType() == null ? "" : "; " + h.reportType()) + ")");
        }
        if (h.returnPath() != null && h.returnPath().replaceAll("\\s", "").equals("<>")) {
            return verdict(Kind.BOUNCE, "Return-Path: <> (a bounce)");
        }
        String auto = lower(h.autoSubmitted());
        if (auto != null && !auto.isEmpty() && !auto.startsWith("no")) {
            return verdict(auto.startsWith("auto-replied") ? Kind.AUTO_REPLY : Kind.GENERATED, "Auto-Submitted: " + h.autoSubmitted());
        }
        if (h.xAutoreply()) {
            return verdict(Kind.AUTO_REPLY, "X-Autoreply/X-Autorespond");
        }
        String precedence = lower(h.precedence());
        if (precedence != null) {
            if (precedence.startsWith("auto_reply") || precedence.startsWith("auto-reply")) {
                return verdict(Kind.AUTO_REPLY, "Precedence: " + h.precedence());
            }
            if (precedence.startsWith("bulk") || precedence.startsWith("junk") || precedence.startsWith("list")) {
                return verdict(Kind.GENERATED, "Precedence: " + h.precedence());
            }
        }
        String suppress = lower(h.autoResponseSuppress());
        if (suppress != null && (suppress.contains("all") || suppress.contains("oof") || suppress.contains("autoreply"))) {
            return verdict(Kind.GENERATED, "X-Auto-Response-Suppress: " + h.autoResponseSuppress());
        }
        return Optional.empty();
    }

    private static Optional<Verdict> verdict(Kind kind, String reason) {
        return Optional.of(new Verdict(kind, reason));
    }

    private static boolean isType(@Nullable String contentType, String type) {
        return contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith(type);
    }

    private static @Nullable String lower(@Nullable String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
