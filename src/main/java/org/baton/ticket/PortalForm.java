package org.baton.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.baton.shared.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * The portal's "report a problem" and "request something" forms as typed. A customer answers in plain words
 * (how many people are affected, whether they can work) and those answers become the matrix's impact and
 * urgency; {@code key} is the form's one-time key, so a double submit opens one ticket.
 */
record PortalForm(@Nullable String key, @Nullable String subject, @Nullable String description, @Nullable String since,
        @Nullable String affected, @Nullable String blocked, @Nullable String requestType) {

    /** A choice in a select or radio group: the submitted value and what people read. */
    record Choice(String value, String label) {}

    static final List<Choice> SINCE = List.of(new Choice("NOW", "Just now"), new Choice("TODAY", "Earlier today"),
            new Choice("YESTERDAY", "Since yesterday"), new Choice("LONGER", "For a few days or longer"));

    /** How many people are affected → impact. */
    static final List<Choice> AFFECTED = List.of(new Choice("LOW", "Just me"), new Choice("MEDIUM", "My team or department"),
            new Choice("HIGH", "A whole site, or everyone"));

    /** Whether they can work → urgency. */
    static final List<Choice> BLOCKED = List.of(new Choice("HIGH", "No, work has stopped"),
            new Choice("MEDIUM", "Yes, but slowly or with a workaround"), new Choice("LOW", "Yes, it can wait"));

    static PortalForm blank() {
        return new PortalForm(UUID.randomUUID().toString(), null, null, "TODAY", "LOW", "MEDIUM", null);
    }

    /** This form with a new one-time key (after the old one was used for other content). */
    PortalForm withNewKey() {
        return new PortalForm(UUID.randomUUID().toString(), subject, description, since, affected, blocked, requestType);
    }

    /** The incident this form reports, and what is wrong with the form itself. */
    TicketIntake.OpenTicket incident(List<FieldProblem> problems) {
        Impact impact = choice("affected", affected, AFFECTED, "choose how many people are affected", problems, Impact.class);
        Urgency urgency = choice("blocked", blocked, BLOCKED, "say whether you can work", problems, Urgency.class);
        String when = label(since, SINCE);
        String text = TicketDesk.blankToNull(description);
        String full = when == null ? text : "Broken since: " + when.toLowerCase(java.util.Locale.ROOT) + "." + (text == null ? "" : "\n\n" + text);
        return new TicketIntake.OpenTicket(TicketType.INCIDENT, subject, full, null, null, null, null, null, Channel.PORTAL, null,
                impact, urgency, null, null, null);
    }

    /** The service request this form asks for ({@code types}: the request types on offer), and what is wrong with it. */
    TicketIntake.OpenTicket request(List<String> types, List<FieldProblem> problems) {
        String type = TicketDesk.blankToNull(requestType);
        if (type == null || !types.contains(type.strip())) {
            problems.add(new FieldProblem("requestType", "choose what kind of request this is"));
            type = null;
        }
        return new TicketIntake.OpenTicket(TicketType.SERVICE_REQUEST, subject, description, null, null, null, null, null,
                Channel.PORTAL, type, null, null, null, null, null);
    }

    /** What identifies this submission for the one-time key: every field but the key. */
    String fingerprint(String kind) {
        return String.join("\u001f", List.of(kind, text(subject), text(description), text(since), text(affected), text(blocked),
                text(requestType)));
    }

    private static <E extends Enum<E>> @Nullable E choice(String field, @Nullable String value, List<Choice> choices, String message,
            List<FieldProblem> problems, Class<E> type) {
        if (value == null || choices.stream().noneMatch(c -> c.value().equals(value))) {
            problems.add(new FieldProblem(field, message));
            return null;
        }
        return Enum.valueOf(type, value);
    }

    private static @Nullable String label(@Nullable String value, List<Choice> choices) {
        return choices.stream().filter(c -> c.value().equals(value)).map(Choice::label).findFirst().orElse(null);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    static List<FieldProblem> merge(List<FieldProblem> first, List<FieldProblem> more) {
        List<FieldProblem> all = new ArrayList<>(first);
        more.stream().filter(p -> all.stream().noneMatch(q -> q.field().equals(p.field()))).forEach(all::add);
        return all;
    }
}
