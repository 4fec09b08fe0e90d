package org.baton.mail;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The threading headers of outbound mail, a contract with inbound mail (docs/email.md): every message about a ticket
 * has the Message-ID {@code <INC-1042.{outbox id}@domain>} and names the thread root {@code <INC-1042@domain>} in
 * In-Reply-To and References, so mail clients group a ticket's conversation and a reply finds its ticket by
 * {@code <([A-Z]{3}-\d+)(\.[^@]*)?@domain>}. Mail about no ticket gets {@code <baton.{outbox id}@domain>}, which
 * matches no ticket.
 */
final class MailThreading {

    private MailThreading() {}

    static String messageId(@Nullable String ticketNumber, UUID outboxId, String domain) {
        return "<" + (ticketNumber == null ? "baton" : ticketNumber) + "." + outboxId + "@" + domain + ">";
    }

    /** The Message-ID every mail of the ticket's thread refers to; no message carries it itself. */
    static String threadRoot(String ticketNumber, String domain) {
        return "<" + ticketNumber + "@" + domain + ">";
    }
}
