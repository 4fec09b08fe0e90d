package org.baton.ticket;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.baton.identity.Directory;
import org.baton.identity.User;
import org.baton.outbox.OutboxMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Writes what the customer is told: the message goes to the outbox (delivered by a channel such as
 * mail) and a public {@code CUSTOMER_NOTIFIED} entry on the timeline says what was sent, to whom.
 * A requester without an email address (a phone caller with no account) gets the timeline entry
 * only, marked as not sent.
 */
@Component
class CustomerNotices {

    static final String KIND = "CUSTOMER_NOTIFICATION";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm (z)", Locale.ENGLISH);

    private final Directory directory;

    CustomerNotices(Directory directory) {
        this.directory = directory;
    }

    /** Adds a notice of {@code template} with {@code text} to the change. */
    void tell(TicketChange change, String template, String subject, String text, Map<String, ?> facts) {
        Ticket ticket = change.before();
        Optional<String> address = address(ticket);
        Map<String, Object> payload = new LinkedHashMap<>(facts);
        payload.put("template", template);
        payload.put("ticketNumber", ticket.number().value());
        payload.put("text", text);
        address.ifPresent(to -> change.send(new OutboxMessage(KIND, ticket.id().value(), to,
                "[" + ticket.number() + "] " + subject, payload)));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("template", template);
        details.put("recipient", address.orElse(null));
        details.put("sent", address.isPresent());
        change.record(new Timeline.Entry(EntryKind.CUSTOMER_NOTIFIED, Visibility.PUBLIC, text, details));
    }

    /** {@code instant} in the requester's time zone, for text the customer reads. */
    String when(Ticket ticket, Instant instant) {
        return WHEN.format(instant.atZone(zone(ticket)));
    }

    private ZoneId zone(Ticket ticket) {
        return ticket.requesterId() == null ? ZoneOffset.UTC
                : directory.user(ticket.requesterId()).map(User::timeZone).orElse(ZoneOffset.UTC);
    }

    private Optional<String> address(Ticket ticket) {
        if (ticket.requesterId() != null) {
            Optional<String> email = directory.user(ticket.requesterId()).filter(User::active).map(User::email);
            if (email.isPresent()) {
                return email;
            }
        }
        return looksLikeEmail(ticket.requesterContact()) ? Optional.of(ticket.requesterContact().strip()) : Optional.empty();
    }

    private static boolean looksLikeEmail(@Nullable String contact) {
        return contact != null && contact.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    }
}
