package org.baton.ticket;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A JSON Merge Patch (RFC 7396) of a ticket's plain fields: subject, description, category, impact
 * and urgency (the priority follows from the matrix), the requester's location and contact, and an
 * operational task's due date. Status, owner, working group and the rest change only through their
 * own commands, each with its rules and timeline entry; patching them is refused by name.
 */
final class TicketEdits {

    private static final Map<String, String> ELSEWHERE = Map.of(
            "status", "changes through POST /transitions",
            "pendingReason", "changes through POST /transitions",
            "owner", "changes through POST /ownership-transfers",
            "workingGroup", "changes through POST /handoffs",
            "assignee", "changes through POST /handoffs",
            "nextUpdateDueAt", "changes through POST /status-updates",
            "expectedRestorationAt", "changes through POST /status-updates");
    private static final Set<String> READ_ONLY = Set.of("number", "type", "priority", "organization", "requester", "channel",
            "createdAt", "updatedAt", "version", "resolution", "firstContactResolved", "mergedInto", "resolvedAt", "closedAt");

    private TicketEdits() {}

    static void apply(@Nullable JsonNode patch, TicketChange c, PriorityMatrix matrix) {
        if (patch == null || !patch.isObject()) {
            throw InvalidInput.of("body", "must be a JSON object whose members are the fields to change");
        }
        Ticket t = c.before();
        Ticket.Builder next = c.next();
        List<FieldProblem> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            String field = member.getKey();
            JsonNode value = member.getValue();
            switch (field) {
                case "subject" -> next.subject = text(field, value, 300, false, next.subject, problems);
                case "description" -> next.description = text(field, value, 20_000, true, next.description, problems);
                case "category" -> next.category = text(field, value, 120, true, next.category, problems);
                case "requesterLocation" -> next.requesterLocation = text(field, value, 200, true, next.requesterLocation, problems);
                case "requesterContact" -> next.requesterContact = text(field, value, 254, true, next.requesterContact, problems);
                case "impact" -> next.impact = level(field, value, Impact.class, next.impact, t, problems);
                case "urgency" -> next.urgency = level(field, value, Urgency.class, next.urgency, t, problems);
                case "dueAt" -> next.dueAt = due(value, t, next.dueAt, problems);
                default -> problems.add(new FieldProblem(field, ELSEWHERE.containsKey(field) ? ELSEWHERE.get(field)
                        : READ_ONLY.contains(field) ? "is read-only" : "is not a field of a ticket"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        next.priority = matrix.of(t.type(), next.impact, next.urgency);
        Map<String, Object> changes = new LinkedHashMap<>();
        diff(changes, "subject", t.subject(), next.subject);
        diff(changes, "description", t.description(), next.description);
        diff(changes, "category", t.category(), next.category);
        diff(changes, "requesterLocation", t.requesterLocation(), next.requesterLocation);
        diff(changes, "requesterContact", t.requesterContact(), next.requesterContact);
        diff(changes, "impact", t.impact(), next.impact);
        diff(changes, "urgency", t.urgency(), next.urgency);
        diff(changes, "priority", t.priority(), next.priority);
        diff(changes, "dueAt", t.dueAt(), next.dueAt);
        if (changes.isEmpty()) {
            return;
        }
        c.record(new Timeline.Entry(EntryKind.FIELD_CHANGED, Visibility.INTERNAL, null, Map.of("changes", changes)));
        if (t.priority() != next.priority) {
            c.raise(new TicketPriorityChanged(t.id(), t.number(), t.priority(), next.priority, c.now()));
        }
    }

    private static void diff(Map<String, Object> changes, String field, @Nullable Object before, @Nullable Object after) {
        if (!Objects.equals(before, after)) {
            changes.put(field, Timeline.Entry.beforeAfter(before, after));
        }
    }

    private static String text(String field, JsonNode value, int max, boolean blankAllowed, String current,
            List<FieldProblem> problems) {
        if (value.isNull() && blankAllowed) {
            return "";
        }
        if (!value.isString()) {
            problems.add(new FieldProblem(field, "must be a string"));
            return current;
        }
        String text = value.stringValue().strip();
        if (text.isEmpty() && !blankAllowed) {
            problems.add(new FieldProblem(field, "must not be blank"));
        } else if (text.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        }
        return text;
    }

    private static <E extends Enum<E>> @Nullable E level(String field, JsonNode value, Class<E> type, @Nullable E current,
            Ticket t, List<FieldProblem> problems) {
        if (t.type() == TicketType.OPERATIONAL_TASK) {
            problems.add(new FieldProblem(field, "operational tasks have the PLANNED priority class, without " + field));
            return current;
        }
        if (value.isString()) {
            try {
                return Enum.valueOf(type, value.stringValue().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        problems.add(new FieldProblem(field, "must be one of HIGH, MEDIUM, LOW"));
        return current;
    }

    private static @Nullable Instant due(JsonNode value, Ticket t, @Nullable Instant current, List<FieldProblem> problems) {
        if (t.type() != TicketType.OPERATIONAL_TASK) {
            problems.add(new FieldProblem("dueAt", "is only for operational tasks"));
            return current;
        }
        if (value.isNull()) {
            return null;
        }
        if (value.isString()) {
            try {
                return Instant.parse(value.stringValue()).truncatedTo(ChronoUnit.MICROS);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        problems.add(new FieldProblem("dueAt", "must be an RFC 3339 instant such as 2026-11-23T14:05:00Z"));
        return current;
    }
}
