package org.baton.ticket;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.baton.identity.Directory;
import org.baton.identity.CustomerContact;
import org.baton.identity.UserId;
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

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Directory directory;

    CustomerNotices(Directory directory) {
        this.directory = directory;
    }

    /** Adds a notice of {@code template} with {@code text} to the change. */
    void tell(TicketChange change, String template, String subject, String text, Map<String, ?> facts) {
        Ticket ticket = change.before();
        Optional<String> address = address(change);
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
    String when(TicketChange change, Instant instant) {
        ZoneId zone = requester(change).map(CustomerContact::timeZone).orElse(ZoneOffset.UTC);
        return WHEN.format(instant.atZone(zone));
    }

    private Optional<CustomerContact> requester(TicketChange change) {
        Optional<CustomerContact> known = change.requester();
        if (known == null) {
            UserId id = change.before().requesterId();
            known = id == null ? Optional.empty() : directory.customerContact(id);
            change.requester(known);
        }
        return known;
    }

    private Optional<String> address(TicketChange change) {
        Optional<String> email = requester(change).filter(CustomerContact::active).map(CustomerContact::email);
        if (email.isPresent()) {
            return email;
        }
        String contact = change.before().requesterContact();
        return looksLikeEmail(contact) ? Optional.of(contact.strip()) : Optional.empty();
    }

    private static boolean looksLikeEmail(@Nullable String contact) {
        return contact != null && EMAIL.matcher(contact.strip()).matches();
    }
}
