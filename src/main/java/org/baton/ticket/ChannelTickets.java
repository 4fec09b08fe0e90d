package org.baton.ticket;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.baton.attachment.Attachments;
import org.baton.attachment.StoredAttachment;
import org.baton.identity.CurrentUser;
import org.baton.identity.Directory;
import org.baton.identity.Organization;
import org.baton.identity.User;
import org.baton.identity.UserId;
import org.baton.shared.InvalidInput;
import org.baton.shared.NotFound;
import org.baton.shared.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link TicketChannels} on top of intake, the desk and links. A message's facts go into the entry's details, which are
 * bounded (the timeline keeps at most 20,000 characters of details): the HTML and the full text are left out, in that
 * order, when they do not fit, as the channel keeps the raw message anyway.
 */
@Service
class ChannelTickets implements TicketChannels {

    static final int MAX_BODY = 19_000;
    private static final int MAX_DETAILS = 19_000;

    private final TicketIntake intake;
    private final TicketDesk desk;
    private final TicketLinks links;
    private final Tickets tickets;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final Attachments files;

    ChannelTickets(TicketIntake intake, TicketDesk desk, TicketLinks links, Tickets tickets, Directory directory, JdbcClient jdbc,
            JsonMapper json, TransactionTemplate transactions, Attachments files) {
        this.files = files;
        this.intake = intake;
        this.desk = desk;
        this.links = links;
        this.tickets = tickets;
        this.directory = directory;
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = transactions;
    }

    @Override
    public Optional<TicketSummary> ticket(TicketNumber number) {
        return tickets.byNumber(number).map(t -> new TicketSummary(t.id(), t.number(), t.requesterId(), t.requesterContact(),
                t.organizationId(), t.status()));
    }

    @Override
    public TicketNumber open(UserId requester, Channel channel, ChannelMessage message, boolean automatic,
            @Nullable TicketNumber relatedTo) {
        CurrentUser customer = directory.currentUser(requester).filter(CurrentUser::isCustomer)
                .orElseThrow(() -> new Refused("requester-inactive", "the requester is not an active customer"));
        String subject = message.subject().isBlank() ? "(no subject)" : clip(message.subject().strip(), 300);
        var command = new TicketIntake.OpenTicket(TicketType.INCIDENT, subject, clip(message.text(), MAX_BODY), null, null, null, null,
                null, channel, null, null, null, null, null, null);
        Kept kept = keep(message, requester);
        return Objects.requireNonNull(transactions.execute(tx -> {
            Ticket ticket = intake.open(customer, command.with(kept.stored()),
                    new TicketIntake.ChannelIntake(true, details(message, kept), !automatic));
            remember(ticket.id(), message.copied());
            if (relatedTo != null) {
                links.linkByChannel(ticket.number(), LinkKind.RELATED_TO, relatedTo);
            }
            return ticket.number();
        }));
    }

    @Override
    public void reply(TicketNumber number, UserId author, String authorName, ChannelMessage message) {
        Kept kept = keep(message, author);
        transactions.executeWithoutResult(tx -> {
            Ticket ticket = desk.channelReply(number, new Actor(author, authorName), body(message), details(message, kept),
                    kept.stored());
            remember(ticket.id(), message.copied());
        });
    }

    @Override
    public void addAutomatic(TicketNumber number, String sender, ChannelMessage message) {
        Kept kept = keep(message, null);
        desk.channelNote(number, new Actor(null, clip("Mail from " + sender, 200)),
                clip("Automatic mail: " + (message.subject().isBlank() ? "(no subject)" : message.subject().strip())
                        + (message.text().isBlank() ? "" : "\n\n" + message.text()), MAX_BODY), details(message, kept), kept.stored());
    }

    @Override
    public boolean isParticipant(TicketSummary t, @Nullable UserId user, String address) {
        String key = address.strip().toLowerCase(Locale.ROOT);
        if (user != null && user.equals(t.requesterId())) {
            return true;
        }
        if (key.equalsIgnoreCase(t.requesterContact().strip())) {
            return true;
        }
        if (isContact(t.id(), key)) {
            return true;
        }
        if (user == null) {
            return false;
        }
        return directory.user(user)
                .filter(u -> u.active() && t.organizationId().equals(u.organizationId()))
                .flatMap(u -> directory.organization(t.organizationId()))
                .map(Organization::sharedTicketVisibility)
                .orElse(false);
    }

    /** The copied addresses become participants of the ticket. */
    private void remember(TicketId ticket, List<String> addresses) {
        Set<String> keys = new LinkedHashSet<>();
        for (String address : addresses) {
            String key = address.strip().toLowerCase(Locale.ROOT);
            if (!key.isEmpty() && key.length() <= 320) {
                keys.add(key);
            }
        }
        for (String key : keys) {
            if (!isContact(ticket, key)) {
                jdbc.sql("insert into ticket_contacts (ticket_id, address) values (:id, :address)")
                        .param("id", ticket.value()).param("address", key).update();
            }
        }
    }

    /** Whether {@code key} (an address, lower case) was copied on an earlier message of the ticket. */
    private boolean isContact(TicketId ticket, String key) {
        return jdbc.sql("select count(*) from ticket_contacts where ticket_id = :id and address = :address")
                .param("id", ticket.value()).param("address", key).query(Integer.class).single() > 0;
    }

    private static String body(ChannelMessage message) {
        String text = message.text().isBlank() ? "(no text)" : message.text();
        return clip(text, MAX_BODY);
    }

    /** A message's files as stored, and those the store refused (too large, empty), in words. */
    record Kept(List<StoredAttachment> stored, List<String> refused) {}

    /**
     * Stores the message's files (before the ticket's transaction: a file that is stored but never claimed, because
     * the change failed, is discarded by the attachment module after a day). A file the store refuses is named on the
     * entry instead; its bytes stay in the raw message, so nothing is lost.
     */
    Kept keep(ChannelMessage message, @Nullable UserId uploader) {
        List<StoredAttachment> stored = new java.util.ArrayList<>();
        List<String> refused = new java.util.ArrayList<>();
        for (Attachment a : message.attachments()) {
            try {
                stored.add(files.store(a.filename(), a.declaredType(), a.bytes(), uploader));
            } catch (InvalidInput e) {
                refused.add(clip(a.filename(), 120) + " (" + Attachments.displaySize(a.bytes().length) + ")");
            }
        }
        return new Kept(List.copyOf(stored), List.copyOf(refused));
    }

    /** The message's facts, its files, and its full text and HTML as far as they fit. */
    Map<String, Object> details(ChannelMessage message, Kept kept) {
        Map<String, Object> details = new LinkedHashMap<>();
        Map<String, String> facts = new LinkedHashMap<>();
        message.facts().forEach((k, v) -> facts.put(k, clip(v, 500)));
        details.put("message", facts);
        if (!message.copied().isEmpty()) {
            details.put("copied", message.copied().stream().limit(50).map(a -> clip(a, 320)).toList());
        }
        if (!kept.stored().isEmpty()) {
            details.put("attachments", TicketAttachments.details(kept.stored()));
        }
        if (!kept.refused().isEmpty()) {
            details.put("attachmentsNotKept", (kept.refused().size() == 1 ? "1 file was" : kept.refused().size() + " files were")
                    + " not kept as an attachment (too large or empty), only in the raw message: " + String.join(", ", kept.refused()));
        }
        if (message.fullText() != null) {
            details.put("fullText", message.fullText());
        }
        if (message.html() != null) {
            details.put("html", message.html());
        }
        if (size(details) > MAX_DETAILS) {
            details.remove("html");
            details.put("htmlKept", "in the raw message");
        }
        if (size(details) > MAX_DETAILS) {
            details.remove("fullText");
            details.put("fullTextKept", "in the raw message");
        }
        if (size(details) > MAX_DETAILS) {
            details.remove("copied");
        }
        return details;
    }

    private int size(Map<String, Object> details) {
        return json.writeValueAsString(details).length();
    }

    private static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String more = " … (cut; the whole message is kept)";
        return text.substring(0, max - more.length()) + more;
    }
}
