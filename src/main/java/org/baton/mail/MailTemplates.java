package org.baton.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.baton.identity.CustomerContact;
import org.baton.identity.Directory;
import org.baton.identity.User;
import org.baton.identity.UserId;
import org.baton.outbox.PendingMessage;
import org.baton.ticket.Countdown;
import org.baton.ticket.Ticket;
import org.baton.ticket.TicketId;
import org.baton.ticket.TicketQueries;
import org.baton.ticket.TicketServiceLevels;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an outbox notice into mail from the Thymeleaf templates under {@code templates/mail/}: one plain-text
 * ({@code .txt}) and one HTML template per notice template (received, reply, resolved, owner-changed, handoff,
 * status-update, sla for staff), and {@code generic} for any other (the notice's text and its link, if any). Instants
 * are shown in the recipient's time zone; every value is escaped in the HTML part.
 */
@Component
class MailTemplates {

    static final String CUSTOMER = "CUSTOMER_NOTIFICATION";
    static final String STAFF = "STAFF_NOTIFICATION";
    static final List<String> KINDS = List.of(CUSTOMER, STAFF);

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm (z)", Locale.ENGLISH);
    private static final Map<String, String> FILES = Map.of("RECEIVED", "received", "REPLY", "reply", "RESOLVED", "resolved",
            "OWNER_CHANGED", "owner-changed", "HANDOFF", "handoff", "STATUS_UPDATE", "status-update", "SLA_WARNING", "sla",
            "SLA_BREACH", "sla");
    private static final List<String> INSTANTS = List.of("eta", "expectedRestorationAt", "nextUpdateAt", "dueAt");

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final JsonMapper json;
    private final TicketQueries tickets;
    private final Directory directory;
    private final ObjectProvider<TicketServiceLevels> serviceLevels;

    MailTemplates(JsonMapper json, TicketQueries tickets, Directory directory, ObjectProvider<TicketServiceLevels> serviceLevels) {
        this.json = json;
        this.tickets = tickets;
        this.directory = directory;
        this.serviceLevels = serviceLevels;
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 2));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** The mail for {@code message}; throws if its payload cannot be read. */
    OutboundMail render(PendingMessage message, MailSettings settings, Instant now) {
        Map<String, @Nullable Object> payload = payload(message.payload());
        String template = text(payload.get("template"));
        String number = text(payload.get("ticketNumber"));
        Recipient recipient = recipient(message, payload);
        Map<String, @Nullable Object> model = new LinkedHashMap<>(payload);
        for (String key : INSTANTS) {
            model.put(key, when(text(payload.get(key)), recipient.zone()));
        }
        if ("RECEIVED".equals(template) && message.aggregateId() != null) {
            model.put("expectedResponseBy", expectedFirstResponse(new TicketId(message.aggregateId()), now)
                    .map(at -> WHEN.format(at.atZone(recipient.zone()))).orElse(null));
        }
        model.put("name", recipient.name());
        model.put("text", text(payload.get("text")) == null ? message.subject() : payload.get("text"));
        model.put("number", number);
        model.put("ticketUrl", number == null ? null : settings.baseUrl() + "/tickets/" + number);
        model.put("confirmUrl", number == null ? null : settings.baseUrl() + "/tickets/" + number + "#customer-actions");
        model.put("reopenUrl", number == null ? null : settings.baseUrl() + "/tickets/" + number + "#reopen-form");
        String link = text(payload.get("link"));
        model.put("link", link == null ? null : link.startsWith("/") ? settings.baseUrl() + link : link);
        model.put("staff", STAFF.equals(message.kind()));
        model.put("breach", "SLA_BREACH".equals(template));
        model.put("subject", message.subject());
        String file = template == null ? "generic" : FILES.getOrDefault(template, "generic");
        Context context = new Context(Locale.ENGLISH, model);
        String subject = message.subject().replaceAll("[\\r\\n]+", " ").strip();
        return new OutboundMail(message.recipient().strip(), subject, plain(engine.process(file + ".txt", context)),
                engine.process(file + ".html", context), MailThreading.messageId(number, message.id(), settings.messageIdDomain()),
                number == null ? null : MailThreading.threadRoot(number, settings.messageIdDomain()), !"REPLY".equals(template));
    }

    /** The plain-text part without the blank lines that template blocks leave: at most one blank line in a row. */
    private static String plain(String text) {
        return text.replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip() + "\n";
    }

    @SuppressWarnings("unchecked")
    private Map<String, @Nullable Object> payload(String text) {
        return json.readValue(text, LinkedHashMap.class);
    }

    private Optional<Instant> expectedFirstResponse(TicketId ticket, Instant now) {
        TicketServiceLevels levels = serviceLevels.getIfAvailable();
        if (levels == null) {
            return Optional.empty();
        }
        return levels.countdowns(ticket, now).stream()
                .filter(c -> !c.operational() && c.label().equals("First response") && c.state().equals("RUNNING"))
                .map(Countdown::dueAt)
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /** Who reads it: a staff member (by the notice's user id) or the ticket's requester; their name and time zone. */
    private Recipient recipient(PendingMessage message, Map<String, @Nullable Object> payload) {
        if (STAFF.equals(message.kind())) {
            Optional<User> user = userId(text(payload.get("userId"))).flatMap(directory::user);
            if (user.isPresent()) {
                return new Recipient(user.get().displayName(), user.get().timeZone());
            }
        } else if (message.aggregateId() != null) {
            Optional<Ticket> ticket = tickets.find(new TicketId(message.aggregateId()));
            if (ticket.isPresent()) {
                Optional<CustomerContact> contact = Optional.ofNullable(ticket.get().requesterId()).flatMap(directory::customerContact);
                return contact.map(c -> new Recipient(c.displayName(), c.timeZone()))
                        .orElseGet(() -> new Recipient(blankToNull(ticket.get().requesterName()), ZoneOffset.UTC));
            }
        }
        return new Recipient(null, ZoneOffset.UTC);
    }

    private static Optional<UserId> userId(@Nullable String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(new UserId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static @Nullable String when(@Nullable String instant, ZoneId zone) {
        if (instant == null) {
            return null;
        }
        try {
            return WHEN.format(Instant.parse(instant).atZone(zone));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : blankToNull(value.toString());
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private record Recipient(@Nullable String name, ZoneId zone) {}
}
