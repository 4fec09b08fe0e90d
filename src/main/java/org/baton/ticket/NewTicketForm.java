package org.baton.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.baton.identity.OrganizationId;
import org.baton.identity.UserId;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * The new-ticket form as typed: every field is text so that the page can show it again as entered.
 * {@code key} is the one-time key of this form (a double submit creates one ticket); {@code requesterPick}
 * is a customer chosen from the search results without JavaScript, which sets {@code requesterId}.
 */
record NewTicketForm(@Nullable String key, @Nullable String type, @Nullable String channel, @Nullable String requesterId,
        @Nullable String requesterPick, @Nullable String q, @Nullable String requesterName, @Nullable String organizationId,
        @Nullable String impact, @Nullable String urgency, @Nullable String category, @Nullable String subject,
        @Nullable String description, @Nullable String firstContact, @Nullable String resolutionCode,
        @Nullable String resolutionNotes) {

    /** The channels an agent logs a contact from. */
    static final List<Channel> CHANNELS = List.of(Channel.PHONE, Channel.WALK_IN, Channel.EMAIL, Channel.OTHER);

    /** The types an agent logs from a contact. */
    static final List<TicketType> TYPES = List.of(TicketType.INCIDENT, TicketType.SERVICE_REQUEST);

    static NewTicketForm blank() {
        return new NewTicketForm(UUID.randomUUID().toString(), TicketType.INCIDENT.name(), Channel.PHONE.name(), null, null,
                null, null, null, Impact.MEDIUM.name(), Urgency.MEDIUM.name(), null, null, null, null, null, null);
    }

    /** This form with a fresh one-time key when it has none. */
    NewTicketForm withKey() {
        return key != null && !key.isBlank() ? this : new NewTicketForm(UUID.randomUUID().toString(), type, channel, requesterId,
                requesterPick, q, requesterName, organizationId, impact, urgency, category, subject, description, firstContact,
                resolutionCode, resolutionNotes);
    }

    /** The requester chosen, by search result or by the hidden field. */
    public @Nullable String chosenRequester() {
        String pick = TicketDesk.blankToNull(requesterPick);
        return pick != null ? pick : TicketDesk.blankToNull(requesterId);
    }

    public boolean resolvedOnFirstContact() {
        return firstContact != null && !firstContact.isBlank() && !"false".equals(firstContact);
    }

    public String typeOrDefault() {
        return type == null || type.isBlank() ? TicketType.INCIDENT.name() : type;
    }

    /** The command this form asks for, and what is wrong with the form itself (the intake checks the rest). */
    record Parsed(TicketIntake.OpenTicket command, List<FieldProblem> problems) {}

    Parsed parse() {
        Fields f = new Fields();
        List<FieldProblem> problems = new ArrayList<>();
        TicketType t = f.enumValue("type", type, TicketType.class);
        if (t != null && !TYPES.contains(t)) {
            problems.add(new FieldProblem("type", "must be an incident or a service request"));
        }
        Channel c = f.enumValue("channel", channel, Channel.class);
        if (c != null && !CHANNELS.contains(c)) {
            problems.add(new FieldProblem("channel", "must be phone, walk-in, email or other"));
        }
        UserId requester = f.id("requesterId", chosenRequester(), UserId::new);
        OrganizationId org = requester != null ? null : f.id("organizationId", organizationId, OrganizationId::new);
        String code = null;
        String notes = null;
        if (resolvedOnFirstContact()) {
            code = TicketDesk.blankToNull(resolutionCode);
            notes = TicketDesk.blankToNull(resolutionNotes);
            if (code == null && notes == null) {
                problems.add(new FieldProblem("resolutionCode", "choose how it was resolved"));
                problems.add(new FieldProblem("resolutionNotes", "say what was done"));
            }
        }
        TicketIntake.OpenTicket command = new TicketIntake.OpenTicket(t, subject, description, requester,
                requester == null ? requesterName : null, null, null, org, c, category,
                f.enumValue("impact", impact, Impact.class), f.enumValue("urgency", urgency, Urgency.class), null, code, notes);
        try {
            f.check();
        } catch (InvalidInput invalid) {
            problems.addAll(0, invalid.problems());
        }
        return new Parsed(command, problems);
    }

    /** What identifies this submission for the one-time key: every field but the key and the search text. */
    String fingerprint() {
        return String.join("\u001f", List.of(typeOrDefault(), text(channel), text(chosenRequester()), text(requesterName),
                text(organizationId), text(impact), text(urgency), text(category), text(subject), text(description),
                String.valueOf(resolvedOnFirstContact()), text(resolutionCode), text(resolutionNotes)));
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    /** A resolution code as people read it: {@code NO_FAULT_FOUND} → "No fault found". */
    static String codeLabel(String code) {
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
