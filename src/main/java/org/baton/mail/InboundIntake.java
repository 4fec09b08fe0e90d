package org.baton.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baton.identity.User;
import org.baton.mail.InboundMessages.State;
import org.baton.mail.InboundMessages.Stored;
import org.baton.ticket.Channel;
import org.baton.ticket.TicketChannels;
import org.baton.ticket.TicketChannels.ChannelMessage;
import org.baton.ticket.TicketNumber;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes one stored message in, in a transaction of its own: it finds the ticket the message answers (its In-Reply-To
 * and References first: Baton's own Message-IDs and those of earlier inbound mail; then a ticket number in the
 * subject), checks that the sender is a participant of that ticket, and adds the message to it, or opens a new ticket
 * (linked to the named one when the sender is not a participant, so nobody writes into another customer's ticket by
 * guessing its number). Automatic mail is never answered. Whatever goes wrong, the message ends in failed intake with
 * the reason, and the next message is taken.
 */
@Service
class InboundIntake {

    private static final Logger log = LoggerFactory.getLogger(InboundIntake.class);
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z0-9])([A-Z]{3}-\\d{1,12})(?![0-9])");

    /** What became of a message. */
    record Outcome(State state, @Nullable String ticket, @Nullable String reason) {}

    private final InboundMessages messages;
    private final InboundSenders senders;
    private final TicketChannels tickets;
    private final InboundMailSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String domain;
    private final Pattern ours;
    private final Set<String> ownAddresses;

    InboundIntake(InboundMessages messages, InboundSenders senders, TicketChannels tickets, InboundMailSettings settings,
            TransactionTemplate transactions, Clock clock, @Value("${baton.mail.message-id-domain:}") String messageIdDomain,
            @Value("${baton.mail.from:}") String from) {
        this.messages = messages;
        this.senders = senders;
        this.tickets = tickets;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
        this.domain = messageIdDomain(messageIdDomain, from);
        this.ours = Pattern.compile("<([A-Z]{3}-\\d+)(\\.[^@>]*)?@" + Pattern.quote(domain) + ">", Pattern.CASE_INSENSITIVE);
        Set<String> own = new LinkedHashSet<>();
        String fromAddress = address(from);
        if (fromAddress != null) {
            own.add(fromAddress);
        }
        for (InboundMailSettings.Mailbox m : settings.mailboxes()) {
            String a = address(m.address() != null ? m.address() : m.username());
            if (a != null) {
                own.add(a);
            }
        }
        settings.ownAddresses().forEach(a -> own.add(a.strip().toLowerCase(Locale.ROOT)));
        this.ownAddresses = Set.copyOf(own);
    }

    /** The domain of Baton's Message-IDs: {@code baton.mail.message-id-domain}, else the domain of {@code baton.mail.from}. */
    static String messageIdDomain(String configured, String from) {
        if (!configured.isBlank()) {
            return configured.strip().toLowerCase(Locale.ROOT);
        }
        String address = address(from);
        return address == null ? "baton.invalid" : address.substring(address.indexOf('@') + 1);
    }

    private static @Nullable String address(@Nullable String text) {
        if (text == null) {
            return null;
        }
        Matcher m = Pattern.compile("[^\\s<>\"]+@[^\\s<>\"]+").matcher(text);
        return m.find() ? m.group().toLowerCase(Locale.ROOT) : null;
    }

    Set<String> ownAddresses() {
        return ownAddresses;
    }

    /** Processes a stored message that is still RECEIVED; never throws. */
    Outcome process(UUID id, InboundMailSettings.Mailbox mailbox) {
        try {
            Outcome outcome = transactions.execute(tx -> messages.claim(id)
                    ? take(id, messages.raw(id).orElseThrow(), mailbox)
                    : messages.byId(id).map(s -> new Outcome(s.state(), s.ticketNumber(), s.outcome()))
                            .orElse(new Outcome(State.FAILED, null, "gone")));
            return outcome == null ? new Outcome(State.FAILED, null, "no outcome") : outcome;
        } catch (RuntimeException e) {
            String reason = reason(e);
            log.warn("Inbound message {} from mailbox {} went to failed intake: {}", id, mailbox.label(), reason,
                    e instanceof Failure || e instanceof InboundSenders.Unplaceable ? null : e);
            try {
                messages.fail(id, reason, now());
            } catch (RuntimeException second) {
                log.error("Could not record the failure of inbound message {}; it stays to be processed again", id, second);
            }
            return new Outcome(State.FAILED, null, reason);
        }
    }

    /** A message that cannot be taken in; the message is the reason shown in failed intake. */
    static final class Failure extends RuntimeException {
        Failure(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    private Outcome take(UUID id, byte[] raw, InboundMailSettings.Mailbox mailbox) {
        InboundMail mail;
        try {
            mail = InboundParser.parse(raw);
        } catch (InboundParser.Unreadable e) {
            throw new Failure(e.getMessage(), e);
        }
        String from = mail.fromAddress();
        if (from == null) {
            throw new Failure("no sender: the message has no usable From (nor Sender or Reply-To) address", null);
        }
        Optional<AutomaticMail.Verdict> automatic = AutomaticMail.of(mail, ownAddresses);
        Outcome outcome = decide(mail, from, automatic, raw, mailbox);
        messages.settle(id, outcome.state(), outcome.reason(), outcome.ticket(), mail.messageId(), from, mail.subject(), now());
        return outcome;
    }

    private Outcome decide(InboundMail mail, String from, Optional<AutomaticMail.Verdict> automatic, byte[] raw,
            InboundMailSettings.Mailbox mailbox) {
        if (automatic.isPresent() && automatic.get().kind() == AutomaticMail.Kind.OWN_ADDRESS) {
            return new Outcome(State.IGNORED, null, "ignored: " + automatic.get().reason());
        }
        Optional<Thread> thread = thread(mail, automatic.filter(v -> v.kind() == AutomaticMail.Kind.BOUNCE).isPresent() ? raw : null);
        if (automatic.isPresent()) {
            AutomaticMail.Verdict verdict = automatic.get();
            if (thread.isPresent()) {
                tickets.addAutomatic(thread.get().number(), from, message(mail, mailbox, thread.get(), verdict));
                return new Outcome(State.ENTRY, thread.get().number().value(), "automatic mail (" + verdict.reason()
                        + ") added to " + thread.get().number() + " as an internal entry");
            }
            if (verdict.kind() != AutomaticMail.Kind.GENERATED) {
                return new Outcome(State.IGNORED, null, "ignored: " + verdict.reason() + ", and it answers no ticket");
            }
        }
        InboundSenders.Lookup lookup = senders.lookup(from);
        Optional<User> known = lookup.known();
        if (known.isPresent() && known.get().role().isStaff()) {
            throw new Failure("from a member of staff (" + from + "): staff answer in Baton, not by mail to the desk", null);
        }
        if (known.isPresent() && !known.get().active()) {
            throw new Failure("the sender's account (" + from + ") is deactivated", null);
        }
        boolean silent = automatic.isPresent();
        if (thread.isPresent()) {
            Thread t = thread.get();
            Optional<TicketChannels.TicketSummary> ticket = Optional.ofNullable(t.ticket());
            if (ticket.isPresent()) {
                User sender = senders.findOrCreate(lookup, mail.fromName(), mailbox);
                if (!tickets.isParticipant(ticket.get(), sender.id(), from)) {
                    return open(mail, from, sender, mailbox, silent, t.number(), "it names " + t.number() + " (by " + t.how()
                            + "), whose participants do not include " + from);
                }
                if (!ticket.get().acceptsReplies()) {
                    return open(mail, from, sender, mailbox, silent, t.number(), "it answers " + t.number() + ", which is "
                            + ticket.get().status().name().toLowerCase(Locale.ROOT));
                }
                tickets.reply(t.number(), sender.id(), sender.displayName(), message(mail, mailbox, t, null));
                return new Outcome(State.ENTRY, t.number().value(), "reply added to " + t.number() + " (by " + t.how() + ")");
            }
        }
        guardAgainstLoops(from);
        User sender = senders.findOrCreate(lookup, mail.fromName(), mailbox);
        return open(mail, from, sender, mailbox, silent, null, null);
    }

    private Outcome open(InboundMail mail, String from, User sender, InboundMailSettings.Mailbox mailbox, boolean silent,
            @Nullable TicketNumber relatedTo, @Nullable String why) {
        if (relatedTo != null) {
            guardAgainstLoops(from);
        }
        Map<String, String> extra = new LinkedHashMap<>();
        if (why != null) {
            extra.put("newTicketBecause", why);
        }
        ChannelMessage message = message(mail, mailbox, null, null, extra);
        TicketNumber number = tickets.open(sender.id(), Channel.EMAIL, message, silent, relatedTo);
        return new Outcome(State.TICKET, number.value(), "opened " + number + (why == null ? "" : ", because " + why)
                + (silent ? " (automatic mail: the sender is not answered)" : ""));
    }

    /** More than N new tickets from one sender within M minutes: the rest are a suspected loop. */
    private void guardAgainstLoops(String from) {
        InboundMailSettings.LoopGuard guard = settings.loopGuard();
        if (guard.maxTickets() <= 0) {
            return;
        }
        int opened = messages.ticketsOpenedBy(from, now().minus(guard.window()));
        if (opened >= guard.maxTickets()) {
            throw new Failure("suspected mail loop: " + from + " already opened " + opened + " tickets within "
                    + guard.window().toMinutes() + " minutes (baton.mail.inbound.loop-guard); retry once it is clear", null);
        }
    }

    /** The ticket a message answers, how that was found, and the ticket as it was read then (none if it is gone). */
    private record Thread(TicketNumber number, String how, TicketChannels.@Nullable TicketSummary ticket) {}

    /** The ticket the message answers: by its threading headers, then by a ticket number in its subject. */
    private Optional<Thread> thread(InboundMail mail, byte @Nullable [] bounce) {
        List<String> others = new ArrayList<>();
        for (String reference : mail.references()) {
            Matcher m = ours.matcher(reference);
            if (m.matches()) {
                Optional<Thread> ours = existing(m.group(1).toUpperCase(Locale.ROOT), "its In-Reply-To/References");
                if (ours.isPresent()) {
                    return ours;
                }
            } else {
                others.add(reference);
            }
        }
        Optional<Thread> earlier = messages.ticketOf(others).flatMap(this::number)
                .map(n -> new Thread(n, "its In-Reply-To/References to earlier mail", tickets.ticket(n).orElse(null)));
        if (earlier.isPresent()) {
            return earlier;
        }
        if (bounce != null) {
            // a bounce quotes the headers of the message that could not be delivered
            Matcher m = ours.matcher(new String(bounce, java.nio.charset.StandardCharsets.ISO_8859_1));
            if (m.find()) {
                Optional<Thread> returned = existing(m.group(1).toUpperCase(Locale.ROOT), "the returned message's Message-ID");
                if (returned.isPresent()) {
                    return returned;
                }
            }
        }
        Matcher subject = NUMBER.matcher(mail.subject());
        while (subject.find()) {
            Optional<Thread> named = existing(subject.group(1), "the ticket number in its subject");
            if (named.isPresent()) {
                return named;
            }
        }
        return Optional.empty();
    }

    /** The thread to the ticket numbered {@code value}, if that is a ticket. */
    private Optional<Thread> existing(String value, String how) {
        return number(value).flatMap(n -> tickets.ticket(n).map(t -> new Thread(n, how, t)));
    }

    private Optional<TicketNumber> number(String value) {
        return TicketNumber.parse(value);
    }

    private ChannelMessage message(InboundMail mail, InboundMailSettings.Mailbox mailbox, @Nullable Thread thread,
            AutomaticMail.@Nullable Verdict verdict) {
        return message(mail, mailbox, thread, verdict, Map.of());
    }

    private ChannelMessage message(InboundMail mail, InboundMailSettings.Mailbox mailbox, @Nullable Thread thread,
            AutomaticMail.@Nullable Verdict verdict, Map<String, String> extra) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("from", mail.fromName() == null ? String.valueOf(mail.fromAddress()) : mail.fromName() + " <" + mail.fromAddress() + ">");
        if (!mail.to().isEmpty()) {
            facts.put("to", String.join(", ", mail.to()));
        }
        if (mail.messageId() != null) {
            facts.put("messageId", mail.messageId());
        }
        if (mail.sentAt() != null) {
            facts.put("sentAt", mail.sentAt().toString());
        }
        facts.put("mailbox", mailbox.label());
        if (thread != null) {
            facts.put("threadedBy", thread.how());
        }
        if (verdict != null) {
            facts.put("automatic", verdict.reason());
        }
        if (!mail.problems().isEmpty()) {
            facts.put("readLeniently", String.join("; ", mail.problems()));
        }
        facts.putAll(extra);
        String trimmed = QuotedText.trim(mail.text());
        List<String> copied = new ArrayList<>();
        for (String a : concat(mail.cc(), mail.to())) {
            if (!ownAddresses.contains(a) && !a.equalsIgnoreCase(mail.fromAddress())) {
                copied.add(a);
            }
        }
        return new ChannelMessage(mail.subject(), trimmed, trimmed.equals(mail.text().strip()) ? null : mail.text(), mail.html(),
                facts, copied, mail.attachments());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String reason(RuntimeException e) {
        if (e instanceof Failure || e instanceof InboundSenders.Unplaceable) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "could not be taken in: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + (root == e ? "" : " (" + root.getClass().getSimpleName() + ")");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
